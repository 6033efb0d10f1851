//===- Audit/Curl.h - libcurl, loaded when a live page needs it -*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The part of libcurl's API the audits use, loaded with dlopen() the first
/// time a URL is parsed or fetched. Linking libcurl directly costs every
/// process about 16 ms of start-up (it pulls in some 30 libraries: TLS,
/// Kerberos, LDAP, ...), while most runs lint local files and never touch the
/// network. The types and constants still come from <curl/curl.h>; each entry
/// has exactly the type of the function it stands for.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_CURL_H
#define CLAIMLINT_AUDIT_CURL_H

#include <curl/curl.h>
#include <string>

namespace claimlint {

struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_free) free;
};

/// libcurl, loaded and globally initialised once (thread-safe). Null when it
/// cannot be loaded; then \p Error, if given, says why.
const CurlApi *curlApi(std::string *Error = nullptr);

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_CURL_H
