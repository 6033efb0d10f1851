//===- Rules/Builtin.h - The rule packs compiled into the binary -*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every JSON file under rules/ (default packs, lexicon, schema) is embedded
/// at build time by scripts/embed-rules, so claimlint works from any folder
/// with nothing installed.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_BUILTIN_H
#define CLAIMLINT_RULES_BUILTIN_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace claimlint {

struct EmbeddedFile {
  const char *Path; ///< relative to rules/, e.g. "health/cure-claim.json"
  const char *Data;
  unsigned long Size;
};

/// The embedded files, sorted by path.
llvm::ArrayRef<EmbeddedFile> builtinRuleFiles();

/// The embedded file at \p Path, or an empty StringRef.
llvm::StringRef builtinRuleFile(llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_RULES_BUILTIN_H
