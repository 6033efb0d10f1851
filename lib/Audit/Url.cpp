//===- Audit/Url.cpp - Web addresses for live audits ----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Url.h"

#include "llvm/ADT/StringExtras.h"

#include <memory>

#include "Audit/Curl.h"

namespace claimlint {

bool isWebUrl(llvm::StringRef Input) {
  return Input.startswith_insensitive("http://") ||
         Input.startswith_insensitive("https://");
}

namespace {

struct UrlDeleter {
  void operator()(CURLU *U) const { curlApi()->url_cleanup(U); }
};

llvm::Optional<std::string> part(const CurlApi &C, CURLU *U, CURLUPart P,
                                 unsigned Flags = 0) {
  char *Out = nullptr;
  if (C.url_get(U, P, &Out, Flags) != CURLUE_OK || !Out)
    return llvm::None;
  std::string S(Out);
  C.free(Out);
  return S;
}

} // namespace

llvm::Optional<Url> parseUrl(llvm::StringRef Ref, llvm::StringRef Base) {
  Ref = Ref.trim(" \t\r\n\f");
  // curl resolves a bare fragment against the base's folder; a fragment is
  // the same page.
  if (Ref.startswith("#") && !Base.empty())
    Ref = "";
  if (Ref.empty() && Base.empty())
    return llvm::None;
  const CurlApi *C = curlApi();
  if (!C)
    return llvm::None;
  std::unique_ptr<CURLU, UrlDeleter> U(C->url());
  if (!U)
    return llvm::None;
  if (!Base.empty() &&
      C->url_set(U.get(), CURLUPART_URL, Base.str().c_str(), 0) != CURLUE_OK)
    return llvm::None;
  // With a URL already set, curl resolves the new one relative to it.
  if (!Ref.empty() && C->url_set(U.get(), CURLUPART_URL, Ref.str().c_str(),
                                 CURLU_URLENCODE) != CURLUE_OK)
    return llvm::None;
  C->url_set(U.get(), CURLUPART_FRAGMENT, nullptr, 0);
  auto Scheme = part(*C, U.get(), CURLUPART_SCHEME);
  auto Host = part(*C, U.get(), CURLUPART_HOST);
  if (!Scheme || !Host || Host->empty())
    return llvm::None;
  Url R;
  R.Scheme = llvm::StringRef(*Scheme).lower();
  if (R.Scheme != "http" && R.Scheme != "https")
    return llvm::None;
  R.Host = llvm::StringRef(*Host).lower();
  C->url_set(U.get(), CURLUPART_SCHEME, R.Scheme.c_str(), 0);
  C->url_set(U.get(), CURLUPART_HOST, R.Host.c_str(), 0);
  auto Port = part(*C, U.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  R.Site = R.Host;
  if (Port && !Port->empty())
    R.Site += ":" + *Port;
  R.Origin = R.Scheme + "://" + R.Site;
  auto Full = part(*C, U.get(), CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
  if (!Full)
    return llvm::None;
  R.Full = *Full;
  R.Path = part(*C, U.get(), CURLUPART_PATH).getValueOr("/");
  if (R.Path.empty())
    R.Path = "/";
  if (auto Q = part(*C, U.get(), CURLUPART_QUERY))
    R.Path += "?" + *Q;
  return R;
}

} // namespace claimlint
