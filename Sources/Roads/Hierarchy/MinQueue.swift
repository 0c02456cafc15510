//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A binary min-heap of (key, node) packed into one `UInt64` each, so that a comparison is one
/// integer comparison. Entries are never updated in place: a search pushes a node again with a
/// smaller key and skips stale entries when they surface (lazy deletion).
struct MinQueue {
    private var items: [UInt64] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    /// Signed keys (priorities): offset so that the order of `UInt64` is the order of keys.
    mutating func push(key: Int32, value: Int32) {
        push(raw: (UInt64(UInt32(bitPattern: key) ^ 0x8000_0000) << 32) | UInt64(UInt32(bitPattern: value)))
    }

    mutating func push(key: UInt32, value: Int32) {
        push(raw: (UInt64(key) << 32) | UInt64(UInt32(bitPattern: value)))
    }

    func peekKey() -> Int32? {
        items.first.map { Int32(bitPattern: UInt32(truncatingIfNeeded: $0 >> 32) ^ 0x8000_0000) }
    }

    mutating func pop() -> (key: Int32, value: Int32)? {
        guard let raw = popRaw() else { return nil }
        return (Int32(bitPattern: UInt32(truncatingIfNeeded: raw >> 32) ^ 0x8000_0000), Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
    }

    mutating func popUnsigned() -> (key: UInt32, value: Int32)? {
        guard let raw = popRaw() else { return nil }
        return (UInt32(truncatingIfNeeded: raw >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
    }

    private mutating func push(raw: UInt64) {
        items.append(raw)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if items[parent] <= raw { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = raw
    }

    private mutating func popRaw() -> UInt64? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return top }
        var i = 0
        let n = items.count
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n, items[child + 1] < items[child] { child += 1 }
            if last <= items[child] { break }
            items[i] = items[child]
            i = child
        }
        items[i] = last
        return top
    }
}
