//===- Rules/JsonLocation.cpp - Where a JSON value sits in its text -------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/JsonLocation.h"

#include "Support/Error.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace claimlint {

namespace {

/// A minimal JSON walker over text known to be valid JSON.
class Walker {
public:
  explicit Walker(llvm::StringRef T) : T(T) {}

  void skipWs() {
    while (Pos < T.size() && llvm::StringRef(" \t\r\n").contains(T[Pos]))
      ++Pos;
  }

  /// Reads a string token at Pos, returns its unescaped-enough content
  /// (escapes other than \" and \\ kept raw; keys rarely use them).
  std::string readString() {
    std::string S;
    if (Pos >= T.size() || T[Pos] != '"')
      return S;
    ++Pos;
    while (Pos < T.size() && T[Pos] != '"') {
      if (T[Pos] == '\\' && Pos + 1 < T.size()) {
        char C = T[Pos + 1];
        S.push_back(C == 'n' ? '\n' : C == 't' ? '\t' : C);
        Pos += 2;
        continue;
      }
      S.push_back(T[Pos++]);
    }
    if (Pos < T.size())
      ++Pos;
    return S;
  }

  /// Skips one value starting at Pos.
  void skipValue() {
    skipWs();
    if (Pos >= T.size())
      return;
    char C = T[Pos];
    if (C == '"') {
      readString();
      return;
    }
    if (C == '{' || C == '[') {
      int Depth = 0;
      while (Pos < T.size()) {
        char D = T[Pos];
        if (D == '"') {
          readString();
          continue;
        }
        if (D == '{' || D == '[')
          ++Depth;
        else if (D == '}' || D == ']') {
          if (--Depth == 0) {
            ++Pos;
            return;
          }
        }
        ++Pos;
      }
      return;
    }
    while (Pos < T.size() && !llvm::StringRef(",]} \t\r\n").contains(T[Pos]))
      ++Pos;
  }

  /// With Pos at an object, moves to the value of Key. False if absent.
  bool enterKey(llvm::StringRef Key) {
    skipWs();
    if (Pos >= T.size() || T[Pos] != '{')
      return false;
    size_t Start = Pos;
    ++Pos;
    while (true) {
      skipWs();
      if (Pos >= T.size() || T[Pos] == '}')
        break;
      std::string K = readString();
      skipWs();
      if (Pos < T.size() && T[Pos] == ':')
        ++Pos;
      skipWs();
      if (K == Key)
        return true;
      skipValue();
      skipWs();
      if (Pos < T.size() && T[Pos] == ',')
        ++Pos;
    }
    Pos = Start;
    return false;
  }

  /// With Pos at an array, moves to element Index. False if absent.
  bool enterIndex(size_t Index) {
    skipWs();
    if (Pos >= T.size() || T[Pos] != '[')
      return false;
    size_t Start = Pos;
    ++Pos;
    for (size_t I = 0;; ++I) {
      skipWs();
      if (Pos >= T.size() || T[Pos] == ']')
        break;
      if (I == Index)
        return true;
      skipValue();
      skipWs();
      if (Pos < T.size() && T[Pos] == ',')
        ++Pos;
    }
    Pos = Start;
    return false;
  }

  size_t Pos = 0;

private:
  llvm::StringRef T;
};

} // namespace

size_t locateJsonPointer(llvm::StringRef Text, llvm::StringRef Pointer) {
  Walker W(Text);
  W.skipWs();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Pointer.split(Parts, '/', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    std::string Key = Part.str();
    // JSON pointer escapes.
    size_t P;
    while ((P = Key.find("~1")) != std::string::npos)
      Key.replace(P, 2, "/");
    while ((P = Key.find("~0")) != std::string::npos)
      Key.replace(P, 2, "~");
    W.skipWs();
    size_t Index = 0;
    bool IsIndex =
        !Key.empty() && !llvm::StringRef(Key).getAsInteger(10, Index);
    bool Ok = (IsIndex && W.enterIndex(Index)) || W.enterKey(Key);
    if (!Ok)
      break;
  }
  W.skipWs();
  return W.Pos;
}

llvm::Expected<nlohmann::json> parseJson(llvm::StringRef Path,
                                         llvm::StringRef Text) {
  try {
    return nlohmann::json::parse(Text.begin(), Text.end());
  } catch (const nlohmann::json::parse_error &E) {
    // E.byte is 1-based and names the last byte read.
    std::string Msg = E.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5:
    // syntax error while parsing object - unexpected '}'; expected ..."
    size_t Colon = Msg.find("syntax error");
    if (Colon != std::string::npos)
      Msg = Msg.substr(Colon);
    else if ((Colon = Msg.find(": ")) != std::string::npos)
      Msg = Msg.substr(Colon + 2);
    size_t Off = E.byte ? E.byte - 1 : 0;
    return llvm::make_error<LocatedError>(Path.str(), Text.str(), Off,
                                          "invalid JSON: " + Msg);
  } catch (const nlohmann::json::exception &E) {
    return llvm::make_error<LocatedError>(
        Path.str(), Text.str(), 0, std::string("invalid JSON: ") + E.what());
  }
}

llvm::Error jsonError(llvm::StringRef Path, llvm::StringRef Text,
                      llvm::StringRef Pointer, const llvm::Twine &Message) {
  return llvm::make_error<LocatedError>(
      Path.str(), Text.str(), locateJsonPointer(Text, Pointer), Message.str());
}

} // namespace claimlint
