//===- Audit/Url.cpp - Web addresses for live audits ----------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Url.h"

#include "llvm/ADT/StringExtras.h"

#include <curl/curl.h>
#include <memory>

namespace claimlint {

bool isWebUrl(llvm::StringRef Input) {
  return Input.startswith_insensitive("http://") ||
         Input.startswith_insensitive("https://");
}

namespace {

struct UrlDeleter {
  void operator()(CURLU *U) const { curl_url_cleanup(U); }
};

llvm::Optional<std::string> part(CURLU *U, CURLUPart P, unsigned Flags = 0) {
  char *Out = nullptr;
  if (curl_url_get(U, P, &Out, Flags) != CURLUE_OK || !Out)
    return llvm::None;
  std::string S(Out);
  curl_free(Out);
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
  std::unique_ptr<CURLU, UrlDeleter> U(curl_url());
  if (!U)
    return llvm::None;
  if (!Base.empty() &&
      curl_url_set(U.get(), CURLUPART_URL, Base.str().c_str(), 0) != CURLUE_OK)
    return llvm::None;
  // With a URL already set, curl resolves the new one relative to it.
  if (!Ref.empty() && curl_url_set(U.get(), CURLUPART_URL, Ref.str().c_str(),
                                   CURLU_URLENCODE) != CURLUE_OK)
    return llvm::None;
  curl_url_set(U.get(), CURLUPART_FRAGMENT, nullptr, 0);
  auto Scheme = part(U.get(), CURLUPART_SCHEME);
  auto Host = part(U.get(), CURLUPART_HOST);
  if (!Scheme || !Host || Host->empty())
    return llvm::None;
  Url R;
  R.Scheme = llvm::StringRef(*Scheme).lower();
  if (R.Scheme != "http" && R.Scheme != "https")
    return llvm::None;
  R.Host = llvm::StringRef(*Host).lower();
  curl_url_set(U.get(), CURLUPART_SCHEME, R.Scheme.c_str(), 0);
  curl_url_set(U.get(), CURLUPART_HOST, R.Host.c_str(), 0);
  auto Port = part(U.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  R.Site = R.Host;
  if (Port && !Port->empty())
    R.Site += ":" + *Port;
  R.Origin = R.Scheme + "://" + R.Site;
  auto Full = part(U.get(), CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
  if (!Full)
    return llvm::None;
  R.Full = *Full;
  R.Path = part(U.get(), CURLUPART_PATH).getValueOr("/");
  if (R.Path.empty())
    R.Path = "/";
  if (auto Q = part(U.get(), CURLUPART_QUERY))
    R.Path += "?" + *Q;
  return R;
}

} // namespace claimlint
