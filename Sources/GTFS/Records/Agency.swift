//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A transit agency (`agency.txt`).
public struct Agency: Sendable, Hashable {
    /// `agency_id`; may be empty in single-agency feeds.
    public var id: String
    public var name: String
    public var url: String
    /// IANA time zone (`agency_timezone`), e.g. `Europe/Amsterdam`. All agencies of a feed share one.
    public var timezone: String
    public var lang: String
    public var phone: String
}

/// Publisher information (`feed_info.txt`).
public struct FeedInfo: Sendable, Hashable {
    public var publisherName: String
    public var publisherURL: String
    public var lang: String
    public var startDate: ServiceDate?
    public var endDate: ServiceDate?
    public var version: String
}
