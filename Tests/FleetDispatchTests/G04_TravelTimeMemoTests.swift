//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import FleetDispatch
import Synchronization
import Testing

/// G04: the memo of travel times asks for each pair once and answers it the same ever after,
/// also once its table has grown many times over.
@Suite struct G04_TravelTimeMemoTests {
    @Test func eachPairIsAskedOnceAndAnsweredTheSame() {
        let asked = Mutex(0)
        let memo = TravelTimeMemo { i, j in
            asked.withLock { $0 += 1 }
            return Double(i) * 1000 + Double(j) / 7
        }
        // 300 × 300 pairs: the table (65,536 slots, at most half full) grows twice.
        for round in 0 ..< 2 {
            for i in 0 ..< 300 {
                for j in 0 ..< 300 {
                    #expect(memo.time(i, j) == Double(i) * 1000 + Double(j) / 7, "round \(round): \(i) → \(j)")
                }
            }
        }
        #expect(asked.withLock { $0 } == 300 * 300, "asked once per pair")
        #expect(memo.count == 300 * 300)
        // Far-apart node numbers do not collide into one another's answers.
        #expect(memo.time(1 << 20, 5) == Double(1 << 20) * 1000 + 5.0 / 7)
        #expect(memo.time(5, 1 << 20) == 5000 + Double(1 << 20) / 7)
    }
}
