//===- Audit/Url.h - Web addresses for live audits ---------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Parsing, resolving and normalising http(s) URLs, on libcurl's URL API. A
/// normalised URL has a lower-case scheme and host, no default port and no
/// fragment, so that two spellings of one page are crawled once.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_URL_H
#define CLAIMLINT_AUDIT_URL_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace claimlint {

/// True if \p Input names a web page (http:// or https://) rather than a
/// file.
bool isWebUrl(llvm::StringRef Input);

struct Url {
  std::string Full;   ///< normalised, without fragment
  std::string Scheme; ///< "http" or "https"
  std::string Host;   ///< lower case
  std::string Site;   ///< host, plus ":port" when the port is not a default
  std::string Path;   ///< path and query ("/a/b?x=1"), at least "/"
  std::string Origin; ///< scheme://host[:port]
};

/// Parses \p Ref, relative to \p Base when Base is not empty. None for
/// anything but an http(s) URL.
llvm::Optional<Url> parseUrl(llvm::StringRef Ref, llvm::StringRef Base = "");

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_URL_H
