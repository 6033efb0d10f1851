//===- Audit/HtmlScan.cpp - What a crawler needs from a page --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/HtmlScan.h"

#include "Markup/Reader.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace claimlint {

namespace {

bool isSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f';
}

struct Attr {
  llvm::StringRef Name;
  llvm::StringRef Value;
};

struct Tag {
  std::string Name; ///< lower case
  bool End = false;
  bool SelfClosing = false;
  uint32_t Begin = 0, Next = 0;
  llvm::SmallVector<Attr, 6> Attrs;

  llvm::StringRef attr(llvm::StringRef N) const {
    for (const Attr &A : Attrs)
      if (A.Name.equals_insensitive(N))
        return A.Value;
    return {};
  }
};

/// Decodes character references in an attribute value.
std::string decodeValue(llvm::StringRef V) {
  std::string Out, Dec;
  for (size_t I = 0; I < V.size();) {
    if (V[I] == '&') {
      if (unsigned N = decodeCharacterReference(V.substr(I), Dec, true)) {
        Out += Dec;
        I += N;
        continue;
      }
    }
    Out.push_back(V[I++]);
  }
  return Out;
}

/// Calls \p F for every tag of \p S in order; comments, doctypes and the
/// content of script, style and similar elements are stepped over.
void forEachTag(llvm::StringRef S, llvm::function_ref<void(const Tag &)> F) {
  size_t P = 0;
  while ((P = S.find('<', P)) != llvm::StringRef::npos) {
    llvm::StringRef R = S.substr(P);
    if (R.startswith("<!--")) {
      size_t E = S.find("-->", P + 4);
      if (E == llvm::StringRef::npos)
        return;
      P = E + 3;
      continue;
    }
    if (R.startswith("<!") || R.startswith("<?")) {
      size_t E = S.find('>', P);
      if (E == llvm::StringRef::npos)
        return;
      P = E + 1;
      continue;
    }
    Tag T;
    T.Begin = static_cast<uint32_t>(P);
    T.End = R.size() > 1 && R[1] == '/';
    size_t I = P + (T.End ? 2 : 1);
    if (I >= S.size() || !llvm::isAlpha(S[I])) {
      ++P;
      continue;
    }
    size_t NB = I;
    while (I < S.size() && !isSpace(S[I]) && S[I] != '/' && S[I] != '>')
      ++I;
    T.Name = S.slice(NB, std::min(I, NB + 32)).lower();
    bool Closed = false;
    while (I < S.size()) {
      char C = S[I];
      if (isSpace(C) || C == '/') {
        T.SelfClosing = C == '/';
        ++I;
        continue;
      }
      if (C == '>') {
        Closed = true;
        ++I;
        break;
      }
      T.SelfClosing = false;
      size_t AB = I;
      while (I < S.size() && !isSpace(S[I]) && S[I] != '/' && S[I] != '>' &&
             S[I] != '=')
        ++I;
      Attr A{S.slice(AB, I), {}};
      while (I < S.size() && isSpace(S[I]))
        ++I;
      if (I < S.size() && S[I] == '=') {
        ++I;
        while (I < S.size() && isSpace(S[I]))
          ++I;
        if (I < S.size() && (S[I] == '"' || S[I] == '\'')) {
          size_t Q = S.find(S[I], I + 1);
          if (Q == llvm::StringRef::npos)
            return;
          A.Value = S.slice(I + 1, Q);
          I = Q + 1;
        } else {
          size_t VB = I;
          while (I < S.size() && !isSpace(S[I]) && S[I] != '>')
            ++I;
          A.Value = S.slice(VB, I);
        }
      }
      T.Attrs.push_back(A);
    }
    if (!Closed)
      return;
    T.Next = static_cast<uint32_t>(I);
    F(T);
    P = I;
    if (!T.End && !T.SelfClosing &&
        (T.Name == "script" || T.Name == "style" || T.Name == "textarea" ||
         T.Name == "title" || T.Name == "xmp" || T.Name == "noscript" ||
         T.Name == "iframe" || T.Name == "template")) {
      std::string Close = "</" + T.Name;
      size_t Q = P;
      while ((Q = S.find("</", Q)) != llvm::StringRef::npos &&
             !S.substr(Q).startswith_insensitive(Close))
        Q += 2;
      if (Q == llvm::StringRef::npos)
        return;
      P = Q;
    }
  }
}

bool hasWord(llvm::StringRef List, llvm::StringRef Word) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ' ', -1, false);
  for (llvm::StringRef P : Parts)
    if (P.trim().equals_insensitive(Word))
      return true;
  return false;
}

bool isVoid(llvm::StringRef N) {
  for (const char *V :
       {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"})
    if (N == V)
      return true;
  return false;
}

bool namesCookieBanner(llvm::StringRef S) {
  std::string L = S.lower();
  llvm::StringRef V(L);
  return V.contains("cookie") || V.contains("consent") || V.contains("gdpr");
}

} // namespace

PageLinks extractLinks(llvm::StringRef Html) {
  PageLinks Out;
  forEachTag(Html, [&](const Tag &T) {
    if (T.End)
      return;
    if (T.Name == "a" || T.Name == "area") {
      llvm::StringRef H = T.attr("href");
      if (!H.empty())
        Out.Hrefs.push_back(decodeValue(H));
    } else if (T.Name == "base" && Out.BaseHref.empty()) {
      Out.BaseHref = decodeValue(T.attr("href"));
    } else if (T.Name == "meta" &&
               T.attr("name").equals_insensitive("robots")) {
      std::string C = decodeValue(T.attr("content"));
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(C).split(Parts, ',');
      for (llvm::StringRef P : Parts)
        if (P.trim().equals_insensitive("nofollow") ||
            P.trim().equals_insensitive("none"))
          Out.NoFollow = true;
    }
  });
  return Out;
}

std::vector<Range> boilerplateRanges(llvm::StringRef Html) {
  std::vector<Range> Out;
  auto Size = static_cast<uint32_t>(std::min<size_t>(Html.size(), UINT32_MAX));
  unsigned Sectioning = 0; // open article/main/section/aside
  std::string Open;        // the boilerplate element we are inside
  unsigned Depth = 0;      // its nesting (same-name elements)
  uint32_t Start = 0;
  forEachTag(Html, [&](const Tag &T) {
    if (!Open.empty()) {
      if (T.Name != Open || T.SelfClosing)
        return;
      if (!T.End) {
        ++Depth;
      } else if (--Depth == 0) {
        Out.push_back({Start, T.Next});
        Open.clear();
      }
      return;
    }
    bool Sect = T.Name == "article" || T.Name == "main" ||
                T.Name == "section" || T.Name == "aside";
    if (T.End) {
      if (Sect && Sectioning > 0)
        --Sectioning;
      return;
    }
    if (Sect) {
      ++Sectioning;
      return;
    }
    if (T.SelfClosing || isVoid(T.Name))
      return;
    llvm::StringRef Role = T.attr("role");
    bool Chrome =
        T.Name == "nav" ||
        ((T.Name == "header" || T.Name == "footer") && Sectioning == 0) ||
        hasWord(Role, "navigation") || hasWord(Role, "banner") ||
        hasWord(Role, "contentinfo") || namesCookieBanner(T.attr("id")) ||
        namesCookieBanner(T.attr("class"));
    if (!Chrome)
      return;
    Open = T.Name;
    Depth = 1;
    Start = T.Begin;
  });
  if (!Open.empty())
    Out.push_back({Start, Size});
  return Out;
}

} // namespace claimlint
