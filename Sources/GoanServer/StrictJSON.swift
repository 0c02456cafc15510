//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import HTTPTypes
import Hummingbird

/// The fields a JSON object may have (an API request with a field it does not know is refused:
/// a misspelt optional field would otherwise be ignored silently).
indirect enum JSONShape: Sendable {
    case object([String: JSONShape])
    /// A whole number an `Int` holds (checked before decoding: Foundation's decoder does not
    /// always say which field a `2.5` or `1e30` was).
    case integer
    case value
    /// A list whose items all have this shape (at most `limit` of them).
    case array(JSONShape, limit: Int)
}

/// Decodes request bodies strictly: malformed JSON, unknown fields and wrong types become a
/// 400 problem that names the field.
enum StrictJSON {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], shape: JSONShape) throws -> T {
        let data = Data(bytes)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw Problem(.badRequest, "the body is not valid JSON", field: "body")
        }
        try check(object, shape, path: "")
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw problem(error)
        }
    }

    static func check(_ value: Any, _ shape: JSONShape, path: String) throws {
        if case .integer = shape {
            // 2^53: beyond, a JSON number is not an exact integer any more.
            guard !(value is String), let number = value as? NSNumber, number.doubleValue.rounded() == number.doubleValue,
                abs(number.doubleValue) <= 9_007_199_254_740_992
            else { throw Problem.badRequest(path.isEmpty ? "body" : path, "expected an integer") }
            return
        }
        if case .array(let item, let limit) = shape {
            guard let items = value as? [Any] else { throw Problem.badRequest(path.isEmpty ? "body" : path, "expected a list") }
            guard items.count <= limit else { throw Problem.badRequest(path, "at most \(limit) items") }
            for (index, element) in items.enumerated() { try check(element, item, path: "\(path)[\(index)]") }
            return
        }
        guard case .object(let fields) = shape else { return }
        guard let object = value as? [String: Any] else {
            throw Problem.badRequest(path.isEmpty ? "body" : path, "expected a JSON object")
        }
        for (key, child) in object {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            guard let childShape = fields[key] else {
                throw Problem.badRequest(childPath, "unknown field (known: \(fields.keys.sorted().joined(separator: ", ")))")
            }
            if child is NSNull { throw Problem.badRequest(childPath, "must not be null") }
            try check(child, childShape, path: childPath)
        }
    }

    static func problem(_ error: DecodingError) -> Problem {
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .badRequest(name(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .badRequest(name(context.codingPath), "expected \(describe(type))")
        case .keyNotFound(let key, let context):
            return .badRequest(name(context.codingPath + [key]), "required field is missing")
        case .dataCorrupted(let context):
            return .badRequest(context.codingPath.isEmpty ? "body" : name(context.codingPath), "invalid value")
        @unknown default:
            return .badRequest("body", "invalid")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        default: "a JSON object"
        }
    }
}
