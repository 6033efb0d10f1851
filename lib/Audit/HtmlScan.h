//===- Audit/HtmlScan.h - What a crawler needs from a page -------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Two linear scans of a page's tags (no tree, so a hostile page costs
/// linear time): the links a crawler follows, and the boilerplate regions
/// (navigation, site header and footer, cookie banners) whose findings an
/// audit reports once per site instead of once per page.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_HTMLSCAN_H
#define CLAIMLINT_AUDIT_HTMLSCAN_H

#include "Markup/Prose.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {

struct PageLinks {
  std::vector<std::string> Hrefs; ///< a[href], area[href], decoded
  std::string BaseHref;           ///< <base href>, or empty
  bool NoFollow = false;          ///< <meta name=robots content=nofollow>
};

PageLinks extractLinks(llvm::StringRef Html);

/// Byte ranges of boilerplate elements, sorted and disjoint: <nav>, <header>
/// and <footer> that are not inside an <article>, <main>, <section> or
/// <aside>; elements with role navigation, banner or contentinfo; and
/// elements whose id or class names a cookie or consent banner.
std::vector<Range> boilerplateRanges(llvm::StringRef Html);

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_HTMLSCAN_H
