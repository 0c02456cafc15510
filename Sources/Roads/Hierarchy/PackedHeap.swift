//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//


/// The two moves of a binary min-heap of packed `UInt64` entries, on memory its owner provides:
/// ``MinQueue`` keeps its entries in a growable array, ``PointerHeap`` in a query's stack. One
/// implementation for both, so that every search pops its ties in the same order.
enum PackedHeap {
    /// Places `item`, just added at slot `slot` (the last), by moving larger parents down.
    @inline(__always)
    static func siftUp(_ item: UInt64, from slot: Int, in base: UnsafeMutablePointer<UInt64>) {
        var i = slot
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = base[parent]
            if p <= item { break }
            base[i] = p
            i = parent
        }
        base[i] = item
    }

    /// Refills the root of `base[0..<count]` (`count > 0`), whose entry was taken, with `last`
    /// (the entry removed from the end), by moving smaller children up.
    @inline(__always)
    static func siftDown(_ last: UInt64, count: Int, in base: UnsafeMutablePointer<UInt64>) {
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            if child + 1 < count, base[child + 1] < base[child] { child += 1 }
            if last <= base[child] { break }
            base[i] = base[child]
            i = child
        }
        base[i] = last
    }
}
