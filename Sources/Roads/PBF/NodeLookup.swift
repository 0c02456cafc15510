//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Finds a node id's slot among the ids the kept ways reference (pass 2).
///
/// `ids` is sorted ascending without repeats. One lookup per reading thread: it remembers
/// the last slot, because PBF files list nodes by ascending id, so the next slot is found by
/// galloping forward from there rather than by a fresh binary search over millions of ids.
struct NodeLookup {
    let ids: [Int64]
    private var cursor = 0
    private var lastID = Int64.min

    init(ids: [Int64]) {
        self.ids = ids
    }

    /// The slot of `id`, or `nil` when no kept way references it.
    @inline(__always)
    mutating func slot(of id: Int64) -> Int? {
        let n = ids.count
        if id < lastID {
            cursor = lowerBound(id, from: 0, to: n)
        } else if cursor < n && ids[cursor] < id {
            // Gallop: probe cursor+1, +2, +4, … until past `id`, then search that stretch.
            var low = cursor &+ 1
            var step = 1
            var high = low
            while high < n && ids[high] < id {
                low = high &+ 1
                step &<<= 1
                high = cursor &+ step
            }
            cursor = lowerBound(id, from: low, to: min(high &+ 1, n))
        }
        lastID = id
        return cursor < n && ids[cursor] == id ? cursor : nil
    }

    private func lowerBound(_ id: Int64, from: Int, to: Int) -> Int {
        var low = from
        var high = to
        while low < high {
            let mid = low &+ (high &- low) / 2
            if ids[mid] < id { low = mid &+ 1 } else { high = mid }
        }
        return low
    }
}

/// A referenced node found in a block: its slot and location in 1e-7 degrees, or, with
/// `latitude == NodeHit.outside`, a node that lies outside the bounding box (so is absent).
struct NodeHit {
    /// No valid latitude (|latitude| ≤ 90°) is this.
    static let outside = Int32.min

    var slot: Int
    var latitude: Int32
    var longitude: Int32
}
