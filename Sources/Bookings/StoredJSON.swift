//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// The JSON the store writes for its lists, by hand: a commit writes a vehicle's route, and
/// Foundation's encoder was a tenth of a booking's time. Read back with `JSONDecoder`.
enum StoredJSON {
    /// A JSON string literal (quotes, backslashes and control characters escaped).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `[{"legId":12,"pickup":true},…]`, the stops of a vehicle's route in order.
    static func route(_ stops: [RouteStop]) -> String {
        "[" + stops.map { "{\"legId\":\($0.legId.rawValue),\"pickup\":\($0.pickup)}" }.joined(separator: ",") + "]"
    }
}
