//===- Audit/Sitemap.h - sitemap.xml ------------------------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the <loc> entries of a sitemap (a <urlset> of pages) or a sitemap
/// index (a <sitemapindex> of further sitemaps).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_SITEMAP_H
#define CLAIMLINT_AUDIT_SITEMAP_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

struct Sitemap {
  bool IsIndex = false;          ///< the locations are sitemaps, not pages
  std::vector<std::string> Locs; ///< in document order, XML entities decoded
};

Sitemap parseSitemap(llvm::StringRef Xml);

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_SITEMAP_H
