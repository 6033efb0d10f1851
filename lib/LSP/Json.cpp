//===- LSP/Json.cpp - Checked access to JSON-RPC messages -----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Json.h"

#include "Support/LineIndex.h"

#include <cmath>

namespace claimlint {
namespace lsp {

llvm::Optional<json> parseJson(llvm::StringRef Text) {
  // allow_exceptions = false: a syntax error yields a "discarded" value.
  json V = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (V.is_discarded())
    return llvm::None;
  return V;
}

std::string dumpJson(const json &V) {
  return V.dump(-1, ' ', false, json::error_handler_t::replace);
}

void appendJsonString(std::string &Out, llvm::StringRef S) {
  static const char Hex[] = "0123456789abcdef";
  Out.push_back('"');
  for (size_t I = 0; I < S.size();) {
    // Runs of plain ASCII go in at once.
    size_t J = I;
    while (J < S.size()) {
      unsigned char P = static_cast<unsigned char>(S[J]);
      if (P < 0x20 || P >= 0x80 || P == '"' || P == '\\')
        break;
      ++J;
    }
    if (J > I) {
      Out.append(S.data() + I, J - I);
      I = J;
      continue;
    }
    unsigned char C = static_cast<unsigned char>(S[I]);
    if (C >= 0x80) {
      unsigned Len = utf8SequenceLength(S.substr(I));
      if (Len == 1)
        Out += "\xEF\xBF\xBD"; // U+FFFD
      else
        Out.append(S.data() + I, Len);
      I += Len;
      continue;
    }
    ++I;
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\r':
      Out += "\\r";
      break;
    case '\t':
      Out += "\\t";
      break;
    default:
      if (C < 0x20) {
        Out += "\\u00";
        Out.push_back(Hex[C >> 4]);
        Out.push_back(Hex[C & 15]);
      } else {
        Out.push_back(static_cast<char>(C));
      }
    }
  }
  Out.push_back('"');
}

const json *member(const json &Obj, llvm::StringRef Key) {
  if (!Obj.is_object())
    return nullptr;
  auto It = Obj.find(Key.str());
  if (It == Obj.end())
    return nullptr;
  return &*It;
}

const json *path(const json &Obj, std::initializer_list<llvm::StringRef> Keys) {
  const json *Cur = &Obj;
  for (llvm::StringRef K : Keys) {
    Cur = member(*Cur, K);
    if (!Cur)
      return nullptr;
  }
  return Cur;
}

llvm::Optional<std::string> stringMember(const json &Obj, llvm::StringRef Key) {
  const json *V = member(Obj, Key);
  if (!V || !V->is_string())
    return llvm::None;
  return V->get_ref<const std::string &>();
}

llvm::Optional<int64_t> asInt(const json &V) {
  if (V.is_number_unsigned()) {
    uint64_t U = V.get<uint64_t>();
    if (U > static_cast<uint64_t>(INT64_MAX))
      return llvm::None;
    return static_cast<int64_t>(U);
  }
  if (V.is_number_integer())
    return V.get<int64_t>();
  if (V.is_number_float()) {
    double D = V.get<double>();
    if (std::isfinite(D) && D == std::floor(D) && std::fabs(D) < 9.0e15)
      return static_cast<int64_t>(D);
  }
  return llvm::None;
}

llvm::Optional<int64_t> intMember(const json &Obj, llvm::StringRef Key) {
  const json *V = member(Obj, Key);
  if (!V)
    return llvm::None;
  return asInt(*V);
}

llvm::Optional<bool> boolMember(const json &Obj, llvm::StringRef Key) {
  const json *V = member(Obj, Key);
  if (!V || !V->is_boolean())
    return llvm::None;
  return V->get<bool>();
}

const json *objectMember(const json &Obj, llvm::StringRef Key) {
  const json *V = member(Obj, Key);
  return V && V->is_object() ? V : nullptr;
}

const json *arrayMember(const json &Obj, llvm::StringRef Key) {
  const json *V = member(Obj, Key);
  return V && V->is_array() ? V : nullptr;
}

std::vector<std::string> stringList(const json &V, bool &AllStrings) {
  std::vector<std::string> Out;
  AllStrings = V.is_array();
  if (!V.is_array())
    return Out;
  for (const json &E : V) {
    if (E.is_string())
      Out.push_back(E.get_ref<const std::string &>());
    else
      AllStrings = false;
  }
  return Out;
}

} // namespace lsp
} // namespace claimlint
