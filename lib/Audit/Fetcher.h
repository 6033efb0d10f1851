//===- Audit/Fetcher.h - HTTP GET on libcurl ---------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One connection-reusing HTTP client: GET with a total timeout, redirects
/// followed (http and https only, at most 10), compressed bodies decoded,
/// bodies larger than a limit refused.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_FETCHER_H
#define CLAIMLINT_AUDIT_FETCHER_H

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>

namespace claimlint {

struct FetchResult {
  bool Ok = false;         ///< a response arrived (any status)
  std::string Error;       ///< why not, when !Ok
  long Status = 0;         ///< HTTP status
  std::string FinalUrl;    ///< after redirects
  std::string ContentType; ///< lower case, parameters dropped
  std::string Body;
};

class Fetcher {
public:
  Fetcher(std::string UserAgent, unsigned TimeoutSeconds,
          size_t MaxBytes = 32u << 20);
  ~Fetcher();
  Fetcher(const Fetcher &) = delete;
  Fetcher &operator=(const Fetcher &) = delete;

  FetchResult get(const std::string &Url);

private:
  struct Impl;
  std::unique_ptr<Impl> I;
};

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_FETCHER_H
