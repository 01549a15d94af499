import Crypto
import Foundation

/// SHA-256 of a file's bytes, through apple/swift-crypto: as the manifest lists it (64 lowercase
/// hex digits) and as a Content-Security-Policy names an inline stylesheet (base64).
public enum FileHash {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return SHA256.hash(data: bytes).withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: digest.count * 2) { out in
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = digits[Int(byte >> 4)]
                    out[2 * i + 1] = digits[Int(byte & 0x0f)]
                }
                return digest.count * 2
            }
        }
    }

    public static func sha256Base64(_ bytes: [UInt8]) -> String {
        Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
