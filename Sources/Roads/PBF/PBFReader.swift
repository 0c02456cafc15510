//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Reads an OSM PBF file held in memory into an ``OSMExtract``, in two passes over its blocks.
///
/// Pass 1 keeps the highway ways (with their node references); pass 2 inflates again only
/// the blocks that hold nodes and picks the locations of the referenced ones. Two passes keep
/// memory to the kept ways and referenced nodes: a region of 20 M nodes needs no table of
/// all of them. Blocks are decoded on all cores (``ParallelBlocks``) but used in file order,
/// so the result, and the defect reported when there are several, is the one of a plain
/// front-to-back read: the first in file order.
///
/// Rules beyond the format's: the first blob of a known type must be the `OSMHeader`, and
/// there is only one; blobs of other types than `OSMHeader` and `OSMData` are skipped wherever
/// they are (the format lets readers ignore them); bytes after the last blob are an error (a
/// damaged download), not ignored.
///
/// Where it parts from osmium, on files osmium itself does not handle well: a referenced
/// node whose location is outside ±90°/±180° is an error (osmium keeps an invalid location,
/// i.e. the node is absent); a way gets the location of a node listed *after* it (osmium's
/// location handler, reading once front to back, has none yet). Files sorted as the format
/// recommends (nodes, then ways) read the same.
struct PBFReader {
    let file: UnsafeBufferPointer<UInt8>
    let name: String
    let bbox: BoundingBox?

    /// What pass 1 made of one blob.
    private enum FirstPass {
        case header
        case data(ways: [OSMWay], hasNodes: Bool)
        case skipped
        case failed(PBFError)
    }

    func read() throws(PBFError) -> OSMExtract {
        guard !file.isEmpty else { throw PBFError(file: name, byteOffset: 0, problem: "the file is empty") }

        // Framing reads only the BlobHeaders: cheap, and it must be sequential.
        var blobs: [PBFBlob] = []
        var framingError: PBFError?
        var framer = PBFBlobFramer(file: file, name: name)
        do {
            while let blob = try framer.next() { blobs.append(blob) }
        } catch {
            framingError = error
        }

        let first = ParallelBlocks.map(blobs.count, makeState: { (BlobInflater(), PrimitiveBlockDecoder()) }) { state, i in
            firstPass(blobs[i], inflater: state.0, decoder: state.1)
        }
        var ways: [OSMWay] = []
        var nodeBlocks: [PBFBlob] = []
        var headerSeen = false
        for (blob, result) in zip(blobs, first) {
            switch (blob.kind, result) {
            case (_, .skipped):
                continue
            case (.header, _) where headerSeen:
                throw error(blob, nil, "a second OSMHeader block (only one is allowed, at the start)")
            case (.data, _) where !headerSeen:
                throw error(blob, nil, "an OSMData block comes before the OSMHeader block")
            case (_, .failed(let error)):
                throw error
            case (_, .header):
                headerSeen = true
            case (_, .data(let blockWays, let hasNodes)):
                ways.append(contentsOf: blockWays)
                if hasNodes { nodeBlocks.append(blob) }
            }
        }
        if let framingError { throw framingError }
        guard headerSeen else { throw PBFError(file: name, byteOffset: 0, problem: "the file has no OSMHeader block") }

        var ids: [Int64] = []
        ids.reserveCapacity(ways.reduce(0) { $0 &+ $1.nodes.count })
        for way in ways { ids.append(contentsOf: way.nodes) }
        RadixSort.sortUnique(&ids)

        // Applied in file order: a node listed twice keeps its last location, as in osmium.
        // In chunks of blocks, so the hits waiting to be applied stay few.
        var latitudes = [Int32](repeating: NodeHit.outside, count: ids.count)
        var longitudes = [Int32](repeating: 0, count: ids.count)
        let chunk = 32 * ParallelBlocks.threads
        for start in stride(from: 0, to: nodeBlocks.count, by: chunk) {
            let blocks = nodeBlocks[start..<min(start + chunk, nodeBlocks.count)]
            let second = ParallelBlocks.map(blocks.count, makeState: { [ids] in (BlobInflater(verifiesChecksum: false), PrimitiveBlockDecoder(), NodeLookup(ids: ids)) }) { state, i in
                secondPass(blocks[blocks.startIndex + i], inflater: state.0, decoder: state.1, lookup: &state.2)
            }
            for result in second {
                switch result {
                case .failure(let error):
                    throw error
                case .success(let hits):
                    for hit in hits {
                        latitudes[hit.slot] = hit.latitude
                        longitudes[hit.slot] = hit.longitude
                    }
                }
            }
        }

        var extract = OSMExtract(ways: ways, nodeIDs: [], latitudes: [], longitudes: [])
        let found = latitudes.reduce(0) { $0 &+ ($1 == NodeHit.outside ? 0 : 1) }
        extract.nodeIDs.reserveCapacity(found)
        extract.latitudes.reserveCapacity(found)
        extract.longitudes.reserveCapacity(found)
        for i in ids.indices where latitudes[i] != NodeHit.outside {
            extract.nodeIDs.append(ids[i])
            extract.latitudes.append(latitudes[i])
            extract.longitudes.append(longitudes[i])
        }
        return extract
    }

    private func firstPass(_ blob: PBFBlob, inflater: BlobInflater, decoder: PrimitiveBlockDecoder) -> FirstPass {
        do throws(PBFError) {
            switch blob.kind {
            case .other:
                return .skipped
            case .header:
                let data = try decode(blob, inflater)
                do { try HeaderBlock.check(data) } catch { throw self.error(blob, error.offset, error.problem) }
                return .header
            case .data:
                let data = try decode(blob, inflater)
                var ways: [OSMWay] = []
                do {
                    let hasNodes = try decoder.readWays(data, into: &ways)
                    return .data(ways: ways, hasNodes: hasNodes)
                } catch {
                    throw self.error(blob, error.offset, error.problem)
                }
            }
        } catch {
            return .failed(error)
        }
    }

    private func secondPass(_ blob: PBFBlob, inflater: BlobInflater, decoder: PrimitiveBlockDecoder, lookup: inout NodeLookup) -> Result<[NodeHit], PBFError> {
        do throws(PBFError) {
            let data = try decode(blob, inflater)
            var hits: [NodeHit] = []
            do {
                try decoder.readNodes(data, lookup: &lookup, bbox: bbox, into: &hits)
            } catch {
                throw self.error(blob, error.offset, error.problem)
            }
            return .success(hits)
        } catch {
            return .failure(error)
        }
    }

    private func decode(_ blob: PBFBlob, _ inflater: BlobInflater) throws(PBFError) -> UnsafeBufferPointer<UInt8> {
        do {
            return try inflater.decode(file, message: blob.message)
        } catch {
            // Blob defects are located in the file itself.
            throw PBFError(file: name, block: blob.index, byteOffset: error.offset, problem: error.problem)
        }
    }

    /// An error inside a block's decoded data (`offset` in that data), or about the block as a whole.
    private func error(_ blob: PBFBlob, _ offset: Int?, _ problem: String) -> PBFError {
        PBFError(file: name, block: blob.index, byteOffset: blob.offset, offsetInBlock: offset, problem: problem)
    }
}
