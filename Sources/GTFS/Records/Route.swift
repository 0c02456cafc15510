//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A route (`routes.txt`): a line as travellers know it, e.g. bus 83 Vriezenveen – Almelo.
public struct Route: Sendable, Hashable {
    public var id: String
    /// Index into ``Feed/agencies``.
    public var agency: Int32
    public var shortName: String
    public var longName: String
    /// `route_type`: 0 tram, 1 metro, 2 rail, 3 bus, 4 ferry, … and the extended 100–1700 codes.
    public var type: Int
    public var color: String
    public var textColor: String

    /// A short human name: the short name, else the long name, else the id.
    public var displayName: String {
        if !shortName.isEmpty { return shortName }
        if !longName.isEmpty { return longName }
        return id
    }

    /// A word for the kind of vehicle (`train`, `bus`, …) from the basic or extended route_type.
    public var modeName: String {
        switch type {
        case 0, 900 ..< 1000: "tram"
        case 1, 400 ..< 500: "metro"
        case 2, 100 ..< 200: "train"
        case 3, 700 ..< 800, 200 ..< 300: "bus"
        case 4, 1000 ..< 1100, 1200 ..< 1300: "ferry"
        case 5, 6, 7, 1300 ..< 1500: "cable car"
        case 11, 800 ..< 900: "trolleybus"
        case 12: "monorail"
        case 1500 ..< 1600: "taxi"
        default: "transit"
        }
    }
}
