//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A value shown by its raw value wherever it appears: on the wire, in storage, in messages and
/// in logs (`CONFIRMED`, `LEAD_TIME_NOT_MET`).
public protocol WireName: RawRepresentable, CustomStringConvertible where RawValue == String {}

extension WireName {
    public var description: String { rawValue }
}

/// An enumeration too long to list in a message: a file or request that holds another value is
/// told what the values look like instead.
public protocol Vocabulary {
    static var expectedValues: String { get }
}
