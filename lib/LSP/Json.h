//===- LSP/Json.h - Checked access to JSON-RPC messages ----------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A client can send any JSON at all, so the language server never asks
/// nlohmann::json for a value of a type it has not checked: these helpers
/// answer "absent" instead of throwing. Parsing and dumping never throw either
/// (invalid UTF-8 is replaced when a message is written).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_JSON_H
#define CLAIMLINT_LSP_JSON_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace claimlint {
namespace lsp {

using json = nlohmann::json;

/// \p Text parsed, or None when it is not one valid JSON value.
llvm::Optional<json> parseJson(llvm::StringRef Text);

/// Compact serialisation; invalid UTF-8 in strings becomes U+FFFD.
std::string dumpJson(const json &V);

/// Appends \p S to \p Out as a JSON string literal (quotes included);
/// invalid UTF-8 becomes U+FFFD, as in dumpJson.
void appendJsonString(std::string &Out, llvm::StringRef S);

/// The member \p Key of \p Obj, or null when \p Obj is no object or lacks it.
const json *member(const json &Obj, llvm::StringRef Key);

/// Follows a path of member names ("capabilities", "general", ...).
const json *path(const json &Obj, std::initializer_list<llvm::StringRef> Keys);

llvm::Optional<std::string> stringMember(const json &Obj, llvm::StringRef Key);
llvm::Optional<int64_t> intMember(const json &Obj, llvm::StringRef Key);
llvm::Optional<bool> boolMember(const json &Obj, llvm::StringRef Key);
const json *objectMember(const json &Obj, llvm::StringRef Key);
const json *arrayMember(const json &Obj, llvm::StringRef Key);

/// An integer value (also an integral float such as 3.0), or None.
llvm::Optional<int64_t> asInt(const json &V);

/// The strings of an array value; \p AllStrings is cleared if some element
/// is not a string (it is skipped).
std::vector<std::string> stringList(const json &V, bool &AllStrings);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_JSON_H
