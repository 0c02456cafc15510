//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
public import Hummingbird

/// An error answered as `application/problem+json` (RFC 9457): what went wrong in words, and
/// the request field at fault. Never a stack trace.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    /// The JSON path, query parameter, path parameter or header at fault.
    public var field: String?
    /// A domain reason code (`NO_VEHICLE_AVAILABLE`, `OFFER_EXPIRED`, …).
    public var code: String?

    public init(_ status: HTTPResponse.Status, _ detail: String, field: String? = nil, code: String? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
        self.code = code
    }

    static func badRequest(_ field: String, _ detail: String) -> Problem { Problem(.badRequest, "\(field): \(detail)", field: field) }

    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var field: String?
        var code: String?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail, field: field, code: code)
        let data = try JSONEncoder().encode(body)
        return Response(
            status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
