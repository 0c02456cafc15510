//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The bounded Dijkstra that looks for a path avoiding the node being contracted.
///
/// What it knows of a node lives in one 64-bit slot, so that relaxing an arc costs one memory
/// access, not three (the search is bound by cache misses on a large graph): the high half is
/// a tag, the search's number shifted left by one with the low bit set while the node is a
/// target not yet settled; the low half is the distance in ticks. A slot whose tag is not the
/// current search's is unreached, so starting a search is O(1) (all slots are cleared only
/// when the number wraps, once in 2³¹ searches).
struct WitnessSearch {
    private var slots: [UInt64]
    private var search: UInt32 = 0
    private var heap = MinQueue()

    init(nodeCount: Int) {
        slots = Array(repeating: 0, count: nodeCount)
    }

    /// Ticks from the last search's source, `UInt32.max` when not reached within its bounds.
    func distance(_ v: Int32) -> UInt32 {
        let slot = slots[Int(v)]
        return UInt32(truncatingIfNeeded: slot >> 33) == search ? UInt32(truncatingIfNeeded: slot) : .max
    }

    mutating func run(from source: Int32, avoiding avoided: Int32, limit: UInt32, outgoing: [[HierarchyBuilder.Arc]], targets: [HierarchyBuilder.Arc], settleLimit: Int) {
        search += 1
        if search == 1 << 31 {
            for i in slots.indices { slots[i] = 0 }
            search = 1
        }
        heap.removeAll()
        let reached = UInt64(search) << 33
        let target = reached | 1 << 32
        // The search may stop once every target is settled: their distances are final.
        var open = 0
        for t in targets where t.other != source && slots[Int(t.other)] != target | UInt64(UInt32.max) {
            slots[Int(t.other)] = target | UInt64(UInt32.max)
            open += 1
        }
        slots[Int(source)] = reached
        heap.push(key: UInt32(0), value: source)
        var settled = 0
        while let (d, u) = heap.pop() {
            let slot = slots[Int(u)]
            if d > UInt32(truncatingIfNeeded: slot) { continue }
            if d > limit { break }
            settled += 1
            if settled > settleLimit { break }
            if slot & (1 << 32) != 0 {
                slots[Int(u)] = reached | UInt64(d)
                open -= 1
                if open == 0 { break }
            }
            outgoing[Int(u)].withUnsafeBufferPointer { arcs in
                for arc in arcs where arc.other != avoided {
                    let nd = UInt64(d) + UInt64(arc.ticks)
                    if nd > UInt64(limit) { continue }
                    let w = Int(arc.other)
                    let old = slots[w]
                    if old >> 33 != reached >> 33 {
                        slots[w] = reached | nd
                        heap.push(key: UInt32(nd), value: arc.other)
                    } else if nd < old & 0xFFFF_FFFF {
                        // Keeps the target bit.
                        slots[w] = (old & ~0xFFFF_FFFF) | nd
                        heap.push(key: UInt32(nd), value: arc.other)
                    }
                }
            }
        }
    }
}
