//===- Audit/Sitemap.cpp - sitemap.xml ------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A sitemap is flat XML; a scan for <loc> elements (with or without a
// namespace prefix) reads every real one without an XML parser.
//
//===----------------------------------------------------------------------===//

#include "Audit/Sitemap.h"

#include "llvm/ADT/StringExtras.h"

namespace claimlint {

namespace {

std::string xmlText(llvm::StringRef S) {
  S = S.trim();
  if (S.startswith("<![CDATA[") && S.endswith("]]>"))
    return S.drop_front(9).drop_back(3).trim().str();
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] != '&') {
      Out.push_back(S[I]);
      continue;
    }
    static const struct {
      const char *Name;
      char C;
    } Names[] = {{"&amp;", '&'},
                 {"&lt;", '<'},
                 {"&gt;", '>'},
                 {"&quot;", '"'},
                 {"&apos;", '\''}};
    bool Done = false;
    for (const auto &N : Names)
      if (S.substr(I).startswith(N.Name)) {
        Out.push_back(N.C);
        I += llvm::StringRef(N.Name).size() - 1;
        Done = true;
        break;
      }
    if (Done)
      continue;
    if (S.substr(I).startswith("&#")) {
      size_t Semi = S.find(';', I);
      unsigned long long V = 0;
      llvm::StringRef Num =
          Semi == llvm::StringRef::npos ? "" : S.slice(I + 2, Semi);
      bool Hex = Num.startswith("x") || Num.startswith("X");
      if (!Num.empty() &&
          !Num.drop_front(Hex ? 1 : 0).getAsInteger(Hex ? 16 : 10, V) &&
          V > 0 && V < 0x80) {
        Out.push_back(static_cast<char>(V));
        I = Semi;
        continue;
      }
    }
    Out.push_back('&');
  }
  return Out;
}

} // namespace

Sitemap parseSitemap(llvm::StringRef Xml) {
  Sitemap Out;
  size_t P = 0;
  bool SawRoot = false;
  while ((P = Xml.find('<', P)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Xml.substr(P + 1);
    if (Rest.startswith("!--")) {
      size_t E = Xml.find("-->", P);
      if (E == llvm::StringRef::npos)
        break;
      P = E + 3;
      continue;
    }
    if (Rest.startswith("?") || Rest.startswith("!") || Rest.startswith("/")) {
      ++P;
      continue;
    }
    llvm::StringRef Name = Rest.take_while([](char C) {
      return llvm::isAlnum(C) || C == ':' || C == '_' || C == '-';
    });
    llvm::StringRef Local =
        Name.rsplit(':').second.empty() ? Name : Name.rsplit(':').second;
    size_t Gt = Xml.find('>', P);
    if (Gt == llvm::StringRef::npos)
      break;
    if (!SawRoot) {
      SawRoot = true;
      Out.IsIndex = Local.equals_insensitive("sitemapindex");
    }
    if (Local.equals_insensitive("loc") && Xml[Gt - 1] != '/') {
      std::string Close = "</" + Name.str();
      size_t E = Xml.find(Close, Gt + 1);
      if (E == llvm::StringRef::npos)
        break;
      std::string Loc = xmlText(Xml.slice(Gt + 1, E));
      if (!Loc.empty())
        Out.Locs.push_back(Loc);
      P = E + Close.size();
      continue;
    }
    P = Gt + 1;
  }
  return Out;
}

} // namespace claimlint
