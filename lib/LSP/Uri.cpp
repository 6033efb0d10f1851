//===- LSP/Uri.cpp - file: URIs and paths ---------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace claimlint {
namespace lsp {

llvm::Optional<std::string> uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front_insensitive("file:"))
    return llvm::None;
  if (Uri.consume_front("//")) {
    // Authority: empty or "localhost" for local files.
    size_t Slash = Uri.find('/');
    if (Slash == llvm::StringRef::npos)
      return llvm::None;
    llvm::StringRef Host = Uri.take_front(Slash);
    if (!Host.empty() && !Host.equals_insensitive("localhost"))
      return llvm::None;
    Uri = Uri.drop_front(Slash);
  }
  if (!Uri.startswith("/"))
    return llvm::None;
  Uri = Uri.split('?').first.split('#').first;
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    char C = Uri[I];
    if (C == '%' && I + 2 < Uri.size() && llvm::isHexDigit(Uri[I + 1]) &&
        llvm::isHexDigit(Uri[I + 2])) {
      Out.push_back(
          static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2])));
      I += 2;
      continue;
    }
    Out.push_back(C);
  }
  if (Out.find('\0') != std::string::npos)
    return llvm::None;
  return Out;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Out = "file://";
  if (!Path.startswith("/"))
    Out += "/";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=:@").contains(C)) {
      Out.push_back(static_cast<char>(C));
    } else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, false);
      Out += llvm::hexdigit(C & 15, false);
    }
  }
  return Out;
}

} // namespace lsp
} // namespace claimlint
