//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The `OSMHeader` block: only its `required_features` matter to goan.
enum HeaderBlock {
    /// The features this reader implements. Anything else a file requires (e.g.
    /// `HistoricalInformation`, `LocationsOnWays`) is refused: reading such a file while
    /// ignoring the feature could give wrong answers.
    static let supportedFeatures = ["OsmSchema-V0.6", "DenseNodes"]

    /// Checks the block's required features; offsets in errors are relative to `data`.
    static func check(_ data: UnsafeBufferPointer<UInt8>) throws(DecodeError) {
        var reader = ProtobufReader(data, 0..<data.count)
        while let (field, wireType) = try reader.readKey() {
            guard field == 4 else {
                try reader.skip(wireType, field: field)
                continue
            }
            let at = reader.position
            let range = try reader.readLengthDelimited(wireType, "HeaderBlock required_features")
            let feature = String(decoding: UnsafeBufferPointer(rebasing: data[range]), as: UTF8.self)
            guard supportedFeatures.contains(feature) else {
                throw DecodeError(offset: at, problem: "the file requires feature \"\(feature)\", which this reader does not support (supported: \(supportedFeatures.joined(separator: ", ")))")
            }
        }
    }
}
