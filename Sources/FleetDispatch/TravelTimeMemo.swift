//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Synchronization

/// Travel times between the nodes of a day, each asked of the road model once and then
/// remembered: a street-network query costs microseconds, and a search asks for the same pairs
/// (stops that can share a route) again and again. Only the pairs asked are stored, in an
/// open-addressing table. (The straight-line estimate is not remembered: a region's search asks
/// for millions of pairs, and a look-up in a table that size costs more than the trigonometry.)
final class TravelTimeMemo: Sendable {
    private let minutes: @Sendable (Int, Int) -> Double
    private let table = Mutex(Table())

    init(minutes: @escaping @Sendable (Int, Int) -> Double) {
        self.minutes = minutes
    }

    /// Minutes from node `i` to node `j`.
    func time(_ i: Int, _ j: Int) -> Double {
        // Node indices are below 2³¹; 0 marks an empty slot, so keys start at 1.
        let key = (UInt64(i) << 32 | UInt64(j)) &+ 1
        if let known = table.withLock({ $0.value(for: key) }) { return known }
        let time = minutes(i, j)
        table.withLock { $0.insert(time, for: key) }
        return time
    }

    /// Pairs remembered so far.
    var count: Int { table.withLock { $0.count } }

    /// Linear probing in a power-of-two table, at most half full.
    private struct Table {
        var keys = [UInt64](repeating: 0, count: 1 << 16)
        var values = [Double](repeating: 0, count: 1 << 16)
        var count = 0

        private func slot(_ key: UInt64) -> Int {
            // Fibonacci hashing: the high bits of key × 2⁶⁴/φ.
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - keys.count.trailingZeroBitCount))
        }

        func value(for key: UInt64) -> Double? {
            let mask = keys.count - 1
            var k = slot(key)
            while true {
                let here = keys[k]
                if here == key { return values[k] }
                if here == 0 { return nil }
                k = (k + 1) & mask
            }
        }

        mutating func insert(_ value: Double, for key: UInt64) {
            if 2 * (count + 1) > keys.count { grow() }
            let mask = keys.count - 1
            var k = slot(key)
            while keys[k] != 0 && keys[k] != key { k = (k + 1) & mask }
            if keys[k] == 0 { count += 1 }
            keys[k] = key
            values[k] = value
        }

        private mutating func grow() {
            let old = (keys, values)
            keys = [UInt64](repeating: 0, count: 2 * old.0.count)
            values = [Double](repeating: 0, count: 2 * old.0.count)
            count = 0
            for (key, value) in zip(old.0, old.1) where key != 0 { insert(value, for: key) }
        }
    }
}
