import CBrotli
import CZlib

/// gzip and Brotli at their highest levels, byte for byte the same on every run:
/// the gzip header carries no time stamp and no file name.
enum Compression {
    /// A gzip member (RFC 1952) of `bytes`, at level 9.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper; zlib then writes a header with
        // mtime 0 and no name unless deflateSetHeader asks for them.
        let status = deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2: \(status)")
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                // deflateBound is enough for one call with Z_FINISH.
                let result = deflate(&stream, Z_FINISH)
                precondition(result == Z_STREAM_END, "deflate: \(result)")
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    /// The data of a gzip member (for tests); `nil` when it is not valid gzip.
    static func gunzip(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, count) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                result += chunk[..<count]
                if status == Z_STREAM_END { return result }
                if status != Z_OK { return nil }
            }
        }
    }

    /// Brotli (RFC 7932) of `bytes`, at quality 11 with the text mode.
    static func brotli(_ bytes: [UInt8]) -> [UInt8] {
        var outputSize = BrotliEncoderMaxCompressedSize(bytes.count)
        if outputSize == 0 { outputSize = bytes.count + 1024 }
        var output = [UInt8](repeating: 0, count: outputSize)
        let ok = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                      source.count, source.baseAddress, &outputSize, target.baseAddress)
            }
        }
        precondition(ok == BROTLI_TRUE, "BrotliEncoderCompress failed")
        return Array(output[..<outputSize])
    }

    /// The data of a Brotli stream (for tests); `nil` when it is not valid.
    static func unbrotli(_ bytes: [UInt8], expectedSize: Int) -> [UInt8]? {
        var size = expectedSize
        var output = [UInt8](repeating: 0, count: max(expectedSize, 1))
        let result = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                BrotliDecoderDecompress(source.count, source.baseAddress, &size, target.baseAddress)
            }
        }
        return result == BROTLI_DECODER_RESULT_SUCCESS ? Array(output[..<size]) : nil
    }
}
