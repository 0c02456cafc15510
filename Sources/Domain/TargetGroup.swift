//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Whom a ride of the municipality's maatwerkvervoer is for: the three groups one tender buys
/// transport for. A ride with CROW AV-10 (and a pupil's, unless the rules let pupils ride with
/// others) shares a vehicle only with rides of its own group. Raw values are the wire and
/// storage names.
public enum TargetGroup: String, Sendable, Hashable, Codable, CaseIterable {
    /// Wmo travellers on Regiotaxi (the default).
    case wmo
    /// Transport to and from day care (dagbesteding Wmo).
    case dayCare = "day-care"
    /// School transport (leerlingenvervoer).
    case school

    /// 0, 1, 2: the lane of the group in the dispatcher's counts.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
