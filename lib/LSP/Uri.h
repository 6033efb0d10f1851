//===- LSP/Uri.h - file: URIs and paths --------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_URI_H
#define CLAIMLINT_LSP_URI_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace claimlint {
namespace lsp {

/// The local path of a file: URI ("file:///a%20b/c.md" -> "/a b/c.md"), or
/// None for other schemes and malformed URIs.
llvm::Optional<std::string> uriToPath(llvm::StringRef Uri);

/// The file: URI of absolute path \p Path, percent-encoding what must be.
std::string pathToUri(llvm::StringRef Path);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_URI_H
