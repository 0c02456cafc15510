//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Hummingbird
import Logging

/// Outermost: every error becomes a problem response (no stack trace, no internal detail), and
/// every response carries the request id that the logs carry.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = GoanRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let detail = switch error.status {
            case .notFound: "no such resource: \(request.method) \(request.uri.path)"
            case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)"
            case .contentTooLarge: "the request body is larger than \(GoanAPI.maxBodyBytes) bytes"
            default: error.body ?? error.status.reasonPhrase
            }
            let field: String? = error.status == .contentTooLarge ? "body" : nil
            response = try Problem(error.status, detail, field: field).response(from: request, context: context)
        } catch let gone as ClientDisconnected {
            // Nobody reads the answer; not a fault of the server.
            context.logger.info("client disconnected", metadata: ["while": "\(gone.during)"])
            response = try Problem(.badRequest, "the request body ended before its length", field: "body").response(from: request, context: context)
        } catch {
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            response = try Problem(.internalServerError, "internal error (request \(context.id))").response(from: request, context: context)
        }
        response.headers[.init("X-Request-Id")!] = context.id
        return response
    }
}

/// Checks the bearer token of every request but `/health` and records the caller. `/health`
/// is open, and learns the caller too when a valid token comes with it.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = GoanRequestContext
    let tokens: TokenBook

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path == "/health" {
            context.principal = request.headers[.authorization].flatMap(Self.bearerToken).flatMap(tokens.principal(for:))
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization], let token = Self.bearerToken(header) else {
            throw Problem(.unauthorized, "an 'Authorization: Bearer <token>' header is required", field: "Authorization")
        }
        guard let principal = tokens.principal(for: token) else {
            throw Problem(.unauthorized, "the bearer token is not known", field: "Authorization")
        }
        context.principal = principal
        context.logger[metadataKey: "role"] = "\(principal.role.rawValue)"
        return try await next(request, context)
    }

    /// The token of `Bearer <token>`: the scheme is case-insensitive (RFC 9110 §11.1), then one
    /// or more spaces; `nil` for another scheme or an empty token.
    static func bearerToken(_ header: String) -> Substring? {
        let scheme = "bearer"
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else { return nil }
        let rest = header.dropFirst(scheme.count)
        guard rest.first == " " else { return nil }
        let token = rest.drop { $0 == " " }
        return token.isEmpty ? nil : token
    }
}

/// The client closed the connection before its request body was complete.
struct ClientDisconnected: Error {
    /// What the server was doing (`reading the body`).
    var during: String
}
