//===- Audit/Fetcher.cpp - HTTP GET on libcurl ----------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Fetcher.h"

#include "llvm/ADT/StringExtras.h"

#include "Audit/Curl.h"

namespace claimlint {

struct Fetcher::Impl {
  const CurlApi *C = nullptr;
  std::string LoadError; ///< why C is null
  CURL *H = nullptr;
  std::string Agent;
  unsigned Timeout;
  size_t MaxBytes;
  std::string *Sink = nullptr;
  bool TooBig = false;

  static size_t write(char *Ptr, size_t Size, size_t N, void *Self) {
    auto *Me = static_cast<Impl *>(Self);
    size_t Bytes = Size * N;
    if (Me->Sink->size() + Bytes > Me->MaxBytes) {
      Me->TooBig = true;
      return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    Me->Sink->append(Ptr, Bytes);
    return Bytes;
  }
};

Fetcher::Fetcher(std::string UserAgent, unsigned TimeoutSeconds,
                 size_t MaxBytes)
    : I(std::make_unique<Impl>()) {
  I->C = curlApi(&I->LoadError);
  I->Agent = std::move(UserAgent);
  I->Timeout = TimeoutSeconds;
  I->MaxBytes = MaxBytes;
  I->H = I->C ? I->C->easy_init() : nullptr;
}

Fetcher::~Fetcher() {
  if (I->H)
    I->C->easy_cleanup(I->H);
}

FetchResult Fetcher::get(const std::string &Url) {
  FetchResult R;
  CURL *H = I->H;
  if (!H) {
    R.Error = I->C ? "could not start an HTTP client" : I->LoadError;
    return R;
  }
  const CurlApi &C = *I->C;
  C.easy_reset(H);
  I->Sink = &R.Body;
  I->TooBig = false;
  char ErrBuf[CURL_ERROR_SIZE] = {0};
  C.easy_setopt(H, CURLOPT_URL, Url.c_str());
  C.easy_setopt(H, CURLOPT_ERRORBUFFER, ErrBuf);
  C.easy_setopt(H, CURLOPT_NOSIGNAL, 1L);
  C.easy_setopt(H, CURLOPT_FOLLOWLOCATION, 1L);
  C.easy_setopt(H, CURLOPT_MAXREDIRS, 10L);
  C.easy_setopt(H, CURLOPT_PROTOCOLS_STR, "http,https");
  C.easy_setopt(H, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  C.easy_setopt(H, CURLOPT_TIMEOUT, static_cast<long>(I->Timeout));
  C.easy_setopt(H, CURLOPT_CONNECTTIMEOUT,
                static_cast<long>(std::min(I->Timeout, 15u)));
  C.easy_setopt(H, CURLOPT_USERAGENT, I->Agent.c_str());
  C.easy_setopt(H, CURLOPT_ACCEPT_ENCODING, ""); // all curl can decode
  C.easy_setopt(H, CURLOPT_WRITEFUNCTION, &Impl::write);
  C.easy_setopt(H, CURLOPT_WRITEDATA, I.get());
  struct curl_slist *Headers = C.slist_append(
      nullptr, "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,"
               "application/xml;q=0.8,*/*;q=0.5");
  C.easy_setopt(H, CURLOPT_HTTPHEADER, Headers);
  CURLcode Code = C.easy_perform(H);
  C.slist_free_all(Headers);
  I->Sink = nullptr;
  if (Code != CURLE_OK) {
    if (I->TooBig)
      R.Error = "page larger than " + std::to_string(I->MaxBytes >> 20) +
                " MB, not read";
    else
      R.Error = *ErrBuf ? std::string(ErrBuf) : C.easy_strerror(Code);
    R.Body.clear();
    return R;
  }
  R.Ok = true;
  C.easy_getinfo(H, CURLINFO_RESPONSE_CODE, &R.Status);
  char *Eff = nullptr;
  if (C.easy_getinfo(H, CURLINFO_EFFECTIVE_URL, &Eff) == CURLE_OK && Eff)
    R.FinalUrl = Eff;
  else
    R.FinalUrl = Url;
  char *Type = nullptr;
  if (C.easy_getinfo(H, CURLINFO_CONTENT_TYPE, &Type) == CURLE_OK && Type)
    R.ContentType = llvm::StringRef(Type).split(';').first.trim().lower();
  return R;
}

} // namespace claimlint
