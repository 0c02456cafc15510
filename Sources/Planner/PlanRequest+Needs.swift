//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Mobility

extension PlanRequest {
    /// The request as the traveller's CROW codes narrow public transport: the walk to or from a
    /// stop (ZR-02…05: 100, 250, 500, 1,000 m), the changes (ZR-09…12: 0…3), accessible stops and
    /// vehicles only (ZR-07) and twice the transfer time (ZR-24). A code never widens what the
    /// profile or the request allow; with several codes of one kind the strictest holds.
    func narrowedByNeeds() -> PlanRequest {
        var narrowed = self
        let codes = traveller.needs
        let walking: [(CROWCode, Double)] = [(.stopWithin100m, 100), (.stopWithin250m, 250), (.stopWithin500m, 500), (.stopWithin1000m, 1000)]
        for (code, metres) in walking where codes.contains(code) {
            narrowed.traveller.maxWalkMetres = min(narrowed.traveller.maxWalkMetres, metres)
        }
        let changes: [(CROWCode, Int)] = [(.noTransfers, 0), (.atMostOneTransfer, 1), (.atMostTwoTransfers, 2), (.atMostThreeTransfers, 3)]
        for (code, limit) in changes where codes.contains(code) {
            narrowed.maxTransfers = min(narrowed.maxTransfers, limit)
        }
        if codes.contains(.stopMotorAccessible) { narrowed.accessibleOnly = true }
        if codes.contains(.extraTransferTime) { narrowed.transferTimeFactor = 2 }
        return narrowed
    }
}
