//===- LSP/Transport.cpp - Content-Length framing -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Transport.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace claimlint {
namespace lsp {

namespace {

constexpr llvm::StringLiteral LengthHeader = "content-length:";

/// Offset of the next "Content-Length:" (any case) in \p S at or after
/// \p From, or npos.
size_t findLengthHeader(llvm::StringRef S, size_t From) {
  // Case-insensitive search: look for 'c'/'C' and compare the rest.
  for (size_t I = From; I + LengthHeader.size() <= S.size(); ++I) {
    char C = S[I];
    if ((C == 'c' || C == 'C') &&
        S.substr(I, LengthHeader.size()).equals_insensitive(LengthHeader))
      return I;
  }
  return llvm::StringRef::npos;
}

bool isAllSpace(llvm::StringRef S) {
  return S.find_first_not_of(" \t\r\n") == llvm::StringRef::npos;
}

} // namespace

void MessageReader::resync(size_t From) {
  Pos = std::min(From, Buf.size());
  Skipping = true;
}

bool MessageReader::skipToHeader() {
  size_t At = findLengthHeader(Buf, Pos);
  if (At != std::string::npos) {
    Pos = At;
    Skipping = false;
    return true;
  }
  // Keep a tail that could be the start of a header split across reads.
  size_t Keep = LengthHeader.size() - 1;
  if (Buf.size() > Pos + Keep)
    Pos = Buf.size() - Keep;
  return false;
}

llvm::Optional<Incoming> MessageReader::next() {
  if (Pos > 0 && (Pos == Buf.size() || Pos > (64u << 10))) {
    Buf.erase(0, Pos);
    Pos = 0;
  }
  if (Skipping && !skipToHeader())
    return llvm::None;
  // Blank lines between messages are tolerated.
  while (Pos < Buf.size() && (Buf[Pos] == '\r' || Buf[Pos] == '\n'))
    ++Pos;
  if (Pos == Buf.size())
    return llvm::None;

  llvm::StringRef Rest = llvm::StringRef(Buf).drop_front(Pos);
  size_t HeaderEnd = Rest.find("\r\n\r\n");
  if (HeaderEnd == llvm::StringRef::npos) {
    if (Rest.size() <= MaxHeader)
      return llvm::None;
    Incoming In;
    In.Error = "header block longer than " + std::to_string(MaxHeader) +
               " bytes without an end";
    resync(Pos + 1);
    return In;
  }

  llvm::StringRef Header = Rest.take_front(HeaderEnd);
  size_t BodyStart = Pos + HeaderEnd + 4;
  llvm::Optional<size_t> Length;
  std::string Problem;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Header.split(Lines, "\r\n");
  for (llvm::StringRef Line : Lines) {
    auto NV = Line.split(':');
    llvm::StringRef Name = NV.first.trim(), Value = NV.second.trim();
    if (NV.second.data() == nullptr ||
        Line.find(':') == llvm::StringRef::npos || Name.empty() ||
        Name.find_first_of(" \t{}\"") != llvm::StringRef::npos) {
      Problem = "malformed header line '" + Line.take_front(60).str() + "'";
      break;
    }
    if (Name.equals_insensitive("content-length")) {
      unsigned long long N = 0;
      if (Value.empty() || Value.getAsInteger(10, N)) {
        Problem = "Content-Length is not a number: '" +
                  Value.take_front(30).str() + "'";
        break;
      }
      if (N > MaxBody) {
        Problem = "Content-Length " + std::to_string(N) + " exceeds " +
                  std::to_string(MaxBody);
        break;
      }
      Length = static_cast<size_t>(N);
    } else if (Name.equals_insensitive("content-type")) {
      // Only UTF-8 bodies are understood; "utf8" is an old spelling of it.
      std::string Lower = Value.lower();
      size_t CS = Lower.find("charset=");
      if (CS != std::string::npos) {
        llvm::StringRef Charset =
            llvm::StringRef(Lower).drop_front(CS + 8).split(';').first.trim();
        Charset = Charset.trim("\"");
        if (Charset != "utf-8" && Charset != "utf8") {
          Problem = "unsupported charset '" + Charset.str() + "'";
          break;
        }
      }
    }
  }
  if (Problem.empty() && !Length)
    Problem = "header block without Content-Length";
  if (!Problem.empty()) {
    Incoming In;
    In.Error = Problem;
    resync(Pos + 1);
    return In;
  }
  if (Buf.size() - BodyStart < *Length)
    return llvm::None;

  llvm::StringRef Body = llvm::StringRef(Buf).substr(BodyStart, *Length);
  Pos = BodyStart + *Length;
  Incoming In;
  if (llvm::Optional<json> V = parseJson(Body)) {
    In.Ok = true;
    In.Value = std::move(*V);
    return In;
  }
  In.Error = "message body is not valid JSON";
  // A Content-Length that was too long swallowed (part of) the next
  // message's header; one that was too short left the rest of this body in
  // front of it. Either way the next header after this body's start is the
  // place to start again.
  if (findLengthHeader(Buf, BodyStart + 1) < Pos)
    In.Error += " (its Content-Length is probably wrong)";
  resync(BodyStart + 1);
  return In;
}

bool MessageReader::hasPartialMessage() const {
  return !Skipping && !isAllSpace(llvm::StringRef(Buf).drop_front(Pos));
}

std::string frameBody(llvm::StringRef Body) {
  std::string Out =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n";
  Out.append(Body.data(), Body.size());
  return Out;
}

std::string frameMessage(const json &Message) {
  return frameBody(dumpJson(Message));
}

} // namespace lsp
} // namespace claimlint
