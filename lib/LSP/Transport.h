//===- LSP/Transport.h - Content-Length framing ------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The LSP base protocol: each message is a header block ("Name: value" lines
/// ending in an empty line; Content-Length required, names matched without
/// case) followed by exactly Content-Length bytes of UTF-8 JSON.
///
/// MessageReader takes bytes in any chunking and hands out whole messages.
/// Broken input is reported once and then skipped: a header block without a
/// usable Content-Length, or a body that is not JSON, makes the reader look
/// for the next "Content-Length:" and carry on from there, so a wrong length
/// costs at most the message it belongs to and the one it swallowed.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_TRANSPORT_H
#define CLAIMLINT_LSP_TRANSPORT_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

#include "LSP/Json.h"

namespace claimlint {
namespace lsp {

/// One framed message, or what was wrong with the bytes where one should be.
struct Incoming {
  bool Ok = false;
  json Value;        ///< when Ok
  std::string Error; ///< when !Ok: why the bytes were rejected
};

class MessageReader {
public:
  /// Largest body accepted; a bigger Content-Length is an error.
  static constexpr size_t MaxBody = 256u << 20;
  /// Longest header block accepted.
  static constexpr size_t MaxHeader = 16u << 10;

  void feed(llvm::StringRef Bytes) { Buf.append(Bytes.data(), Bytes.size()); }

  /// The next message or framing error, or None when more bytes are needed.
  llvm::Optional<Incoming> next();

  /// True when bytes other than white space wait for more input (at end of
  /// input this means the last message was cut short).
  bool hasPartialMessage() const;

private:
  /// After an error: drop bytes from \p From up to the next
  /// "Content-Length:" (which may arrive later).
  void resync(size_t From);
  /// Moves Pos to the next header; false if none has arrived yet.
  bool skipToHeader();

  std::string Buf;
  size_t Pos = 0;
  bool Skipping = false;
};

/// \p Body with its header, ready to write.
std::string frameBody(llvm::StringRef Body);
std::string frameMessage(const json &Message);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_TRANSPORT_H
