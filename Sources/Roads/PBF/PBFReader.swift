//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Reads an OSM PBF file held in memory into an ``OSMExtract``, in two passes over its blocks.
///
/// Pass 1 frames every blob, checks the header block and keeps the highway ways (with their
/// node references); pass 2 inflates again only the blocks that hold nodes and records the
/// locations of the referenced ones. Two passes keep memory to the kept ways and referenced
/// nodes: a region of 20 M nodes needs no table of all of them.
///
/// Rules beyond the format's: the first blob that is not of an unknown type must be the
/// `OSMHeader`, and there is exactly one; blobs of unknown types are skipped wherever they
/// are (the format allows readers to ignore them); bytes after the last blob are an error.
struct PBFReader {
    let file: UnsafeBufferPointer<UInt8>
    let name: String
    let bbox: BoundingBox?

    func read() throws(PBFError) -> OSMExtract {
        guard !file.isEmpty else { throw PBFError(file: name, byteOffset: 0, problem: "the file is empty") }
        let inflater = BlobInflater()
        let decoder = PrimitiveBlockDecoder()
        var ways: [OSMWay] = []
        var refs: [Int64] = []
        var nodeBlocks: [PBFBlob] = []
        var headerSeen = false
        var framer = PBFBlobFramer(file: file, name: name)
        while let blob = try framer.next() {
            switch blob.kind {
            case .other:
                continue
            case .header:
                guard !headerSeen else { throw error(blob, nil, "a second OSMHeader block (only one is allowed, at the start)") }
                headerSeen = true
                let data = try decode(blob, inflater)
                do { try HeaderBlock.check(data) } catch { throw self.error(blob, error.offset, error.problem) }
            case .data:
                guard headerSeen else { throw error(blob, nil, "an OSMData block comes before the OSMHeader block") }
                let data = try decode(blob, inflater)
                do {
                    if try decoder.readWays(data, into: &ways, refs: &refs) { nodeBlocks.append(blob) }
                } catch {
                    throw self.error(blob, error.offset, error.problem)
                }
            }
        }
        guard headerSeen else { throw PBFError(file: name, byteOffset: 0, problem: "the file has no OSMHeader block") }

        refs.sort()
        var table = NodeTable(ids: unique(refs), bbox: bbox)
        refs = []
        for blob in nodeBlocks {
            let data = try decode(blob, inflater)
            do { try decoder.readNodes(data, into: &table) } catch { throw self.error(blob, error.offset, error.problem) }
        }

        var nodeIDs: [Int64] = []
        var latitudes: [Int32] = []
        var longitudes: [Int32] = []
        let found = table.present.reduce(0) { $0 &+ ($1 ? 1 : 0) }
        nodeIDs.reserveCapacity(found)
        latitudes.reserveCapacity(found)
        longitudes.reserveCapacity(found)
        for i in table.ids.indices where table.present[i] {
            nodeIDs.append(table.ids[i])
            latitudes.append(table.latitudes[i])
            longitudes.append(table.longitudes[i])
        }
        return OSMExtract(ways: ways, nodeIDs: nodeIDs, latitudes: latitudes, longitudes: longitudes)
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

    /// The sorted array without repeats.
    private func unique(_ sorted: [Int64]) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(sorted.count)
        for id in sorted where out.last != id { out.append(id) }
        return out
    }
}
