//===- Support/FileSystem.h - Reading and writing files ----------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_FILESYSTEM_H
#define CLAIMLINT_SUPPORT_FILESYSTEM_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace claimlint {

/// Reads a whole file (or standard input for "-"). Errors read
/// "PATH: reason".
llvm::Expected<std::string> readFile(llvm::StringRef Path);

/// Writes \p Data to \p Path atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target. Keeps the target's
/// permissions when it exists.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Data);

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_FILESYSTEM_H
