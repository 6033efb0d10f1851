//===- Audit/Curl.cpp - libcurl, loaded when a live page needs it ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Curl.h"

#include <dlfcn.h>
#include <mutex>

namespace claimlint {

namespace {

struct Loaded {
  CurlApi Api{};
  bool Ok = false;
  std::string Error;
};

template <typename Fn> bool bind(void *Lib, const char *Name, Fn &Slot) {
  Slot = reinterpret_cast<Fn>(dlsym(Lib, Name));
  return Slot != nullptr;
}

Loaded load() {
  Loaded L;
  // The soname Debian's libcurl4 (and every libcurl since 7.16) installs.
  void *Lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!Lib) {
    const char *E = dlerror();
    L.Error = std::string("live pages need libcurl (libcurl.so.4): ") +
              (E ? E : "not found");
    return L;
  }
  CurlApi &A = L.Api;
  const char *Missing = nullptr;
#define CLAIMLINT_BIND(Field, Name)                                            \
  if (!Missing && !bind(Lib, Name, A.Field))                                   \
    Missing = Name;
  CLAIMLINT_BIND(global_init, "curl_global_init")
  CLAIMLINT_BIND(easy_init, "curl_easy_init")
  CLAIMLINT_BIND(easy_cleanup, "curl_easy_cleanup")
  CLAIMLINT_BIND(easy_reset, "curl_easy_reset")
  CLAIMLINT_BIND(easy_setopt, "curl_easy_setopt")
  CLAIMLINT_BIND(easy_perform, "curl_easy_perform")
  CLAIMLINT_BIND(easy_getinfo, "curl_easy_getinfo")
  CLAIMLINT_BIND(easy_strerror, "curl_easy_strerror")
  CLAIMLINT_BIND(slist_append, "curl_slist_append")
  CLAIMLINT_BIND(slist_free_all, "curl_slist_free_all")
  CLAIMLINT_BIND(url, "curl_url")
  CLAIMLINT_BIND(url_cleanup, "curl_url_cleanup")
  CLAIMLINT_BIND(url_get, "curl_url_get")
  CLAIMLINT_BIND(url_set, "curl_url_set")
  CLAIMLINT_BIND(free, "curl_free")
#undef CLAIMLINT_BIND
  if (Missing) {
    // The library stays loaded: unloading a TLS stack is not worth the risk.
    L.Error = std::string("libcurl.so.4 lacks ") + Missing +
              " (claimlint needs libcurl 7.62 or later)";
    return L;
  }
  if (A.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    L.Error = "libcurl failed to initialise";
    return L;
  }
  L.Ok = true;
  return L;
}

} // namespace

const CurlApi *curlApi(std::string *Error) {
  static const Loaded L = load(); // thread-safe, once per process
  if (!L.Ok) {
    if (Error)
      *Error = L.Error;
    return nullptr;
  }
  return &L.Api;
}

} // namespace claimlint
