//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The locations of the nodes the kept ways reference, filled in the second pass.
///
/// `ids` is sorted ascending without repeats; slot `i` holds the location of `ids[i]` once
/// `present[i]` is set. A node read twice keeps its last location (as osmium's location index
/// does); a node outside the bounding box is cleared, so it counts as absent.
struct NodeTable {
    let ids: [Int64]
    private(set) var latitudes: [Int32]
    private(set) var longitudes: [Int32]
    private(set) var present: [Bool]
    let bbox: BoundingBox?
    /// Slot of the last looked-up id: PBF files list nodes by ascending id, so the next slot is
    /// found by galloping forward from here rather than by a fresh binary search.
    private var cursor = 0
    private var lastID = Int64.min

    init(ids: [Int64], bbox: BoundingBox?) {
        self.ids = ids
        latitudes = Array(repeating: 0, count: ids.count)
        longitudes = Array(repeating: 0, count: ids.count)
        present = Array(repeating: false, count: ids.count)
        self.bbox = bbox
    }

    /// The slot of `id`, or `nil` when no kept way references it.
    @inline(__always)
    mutating func slot(of id: Int64) -> Int? {
        let n = ids.count
        if id < lastID {
            cursor = lowerBound(id, from: 0, to: n)
        } else if cursor < n && ids[cursor] < id {
            // Gallop: find a step past `id`, then search only that stretch.
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

    /// Records a node's location (1e-7 degrees, already range-checked).
    @inline(__always)
    mutating func set(_ slot: Int, latitude: Int32, longitude: Int32) {
        if let bbox, !bbox.contains(latitudeE7: latitude, longitudeE7: longitude) {
            present[slot] = false
            return
        }
        latitudes[slot] = latitude
        longitudes[slot] = longitude
        present[slot] = true
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
