//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Someone travelling along with the traveller on one trip.
public struct Companion: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Along for company: pays the fare where the service's rules say so.
        case social
        /// Medically necessary: rides free where the service's rules say so.
        case medical
    }

    public var kind: Kind
    /// Years; `nil` when not given (then no age rule is checked).
    public var age: Int?

    public init(kind: Kind, age: Int? = nil) {
        self.kind = kind
        self.age = age
    }

    /// `social`, `medical`, or either with an age: `social:40`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1 ... 2).contains(parts.count), let kind = Kind(rawValue: String(parts[0])) else { return nil }
        var age: Int?
        if parts.count == 2 {
            guard let years = Int(parts[1]), (0 ... 120).contains(years) else { return nil }
            age = years
        }
        self.init(kind: kind, age: age)
    }
}

/// What one person of a ride pays (the traveller, or a companion).
public struct PersonFare: Codable, Sendable, Hashable {
    /// `traveller`, or `companion (social)` / `companion (medical)`.
    public var passenger: String
    /// Euros.
    public var price: Double

    public init(passenger: String, price: Double) {
        self.passenger = passenger
        self.price = price
    }
}
