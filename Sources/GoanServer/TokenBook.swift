//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// What a caller may do.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Plans and books for themself only.
    case traveller
    /// AutoMaatje coordination: records volunteer answers, sees every booking, books for travellers.
    case coordinator
    /// Regiotaxi dispatch: the day's schedule; may deny bookings not yet confirmed.
    case dispatcher
    /// Everything, including metrics.
    case admin
}

/// The caller behind a bearer token.
public struct Principal: Sendable, Hashable {
    public var role: Role
    /// The traveller a `traveller` token belongs to.
    public var traveller: String?

    public init(role: Role, traveller: String? = nil) {
        self.role = role
        self.traveller = traveller
    }
}

/// The bearer tokens configured at start: lines `ROLE TOKEN [TRAVELLER_ID]` (entries may also
/// be separated by `;`, blank lines and `#` comments are skipped). A traveller token must name
/// its traveller; tokens are at least 16 characters.
public struct TokenBook: Sendable {
    public private(set) var principals: [String: Principal] = [:]

    public init(_ entries: [String: Principal] = [:]) { principals = entries }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses the token text; errors name the source (a file or an environment variable) and the entry.
    public static func parse(_ text: String, source: String) throws -> TokenBook {
        var book = TokenBook()
        let entries = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == ";" }
        for (number, raw) in entries.enumerated() {
            let entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            let where_ = "\(source): entry \(number + 1)"
            let fields = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count == 2 || fields.count == 3 else {
                throw ParseError(description: "\(where_): expected 'ROLE TOKEN [TRAVELLER_ID]', found \(fields.count) fields")
            }
            guard let role = Role(rawValue: fields[0]) else {
                throw ParseError(description: "\(where_): role '\(fields[0])' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let token = fields[1]
            guard token.count >= 16 else { throw ParseError(description: "\(where_): the token is shorter than 16 characters") }
            if role == .traveller && fields.count != 3 {
                throw ParseError(description: "\(where_): a traveller token must name its traveller id")
            }
            guard book.principals[token] == nil else { throw ParseError(description: "\(where_): the token is given twice") }
            book.principals[token] = Principal(role: role, traveller: fields.count == 3 ? fields[2] : nil)
        }
        guard !book.principals.isEmpty else { throw ParseError(description: "\(source): no tokens configured") }
        return book
    }

    public func principal(for token: Substring) -> Principal? { principals[String(token)] }
}
