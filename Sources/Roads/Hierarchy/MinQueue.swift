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

    mutating func push(key: UInt32, value: Int32) {
        push(raw: (UInt64(key) << 32) | UInt64(UInt32(bitPattern: value)))
    }

    mutating func pop() -> (key: UInt32, value: Int32)? {
        guard let raw = popRaw() else { return nil }
        return (UInt32(truncatingIfNeeded: raw >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
    }

    private mutating func push(raw: UInt64) {
        items.append(raw)
        items.withUnsafeMutableBufferPointer { PackedHeap.siftUp(raw, from: $0.count - 1, in: $0.baseAddress!) }
    }

    private mutating func popRaw() -> UInt64? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return top }
        items.withUnsafeMutableBufferPointer { PackedHeap.siftDown(last, count: $0.count, in: $0.baseAddress!) }
        return top
    }
}
