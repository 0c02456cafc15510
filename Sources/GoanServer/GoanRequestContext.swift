//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Hummingbird
import NIOCore

/// The request context: Hummingbird's core (logger with the request id, parameters) and the
/// caller once the token is checked.
public struct GoanRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `TokenMiddleware` for every route but `/health`.
    public var principal: Principal?
    /// The connection: closed when a request body does not arrive in time.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Bytes of a request body at most: planning and booking requests are small.
    public var maxUploadSize: Int { GoanAPI.maxBodyBytes }
}
