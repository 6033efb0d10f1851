//===- Rules/JsonLocation.h - Where a JSON value sits in its text -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// nlohmann/json keeps no source positions, so a semantic error in a rule or
/// config file ("invalid pattern") is located by walking the text again to
/// the value a JSON pointer names.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_JSONLOCATION_H
#define CLAIMLINT_RULES_JSONLOCATION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace claimlint {

/// Byte offset of the value at \p Pointer ("/patterns/2") in the JSON
/// \p Text; for an object key, the offset of the value. Returns the offset of
/// the deepest value found when the path does not exist (0 at worst).
size_t locateJsonPointer(llvm::StringRef Text, llvm::StringRef Pointer);

/// Parses JSON text. On a syntax error returns a LocatedError at the byte
/// where parsing failed, with a message free of nlohmann's prefixes.
llvm::Expected<nlohmann::json> parseJson(llvm::StringRef Path,
                                         llvm::StringRef Text);

/// A LocatedError at the value \p Pointer names in \p Text.
llvm::Error jsonError(llvm::StringRef Path, llvm::StringRef Text,
                      llvm::StringRef Pointer, const llvm::Twine &Message);

} // namespace claimlint

#endif // CLAIMLINT_RULES_JSONLOCATION_H
