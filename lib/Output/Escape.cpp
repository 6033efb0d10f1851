//===- Output/Escape.cpp - Quoting for the CI report formats --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Output/Escape.h"

#include "Support/LineIndex.h"

#include "llvm/ADT/StringExtras.h"

namespace claimlint {

std::string reportPath(llvm::StringRef Path) {
  while (Path.startswith("./") && Path.size() > 2) {
    Path = Path.drop_front(2);
    while (Path.startswith("/") && Path.size() > 1)
      Path = Path.drop_front(); // "./" followed by more slashes
  }
  return Path.str();
}

std::string validUtf8(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size();) {
    unsigned Len = utf8SequenceLength(Text.substr(I));
    if (Len == 1 && static_cast<unsigned char>(Text[I]) >= 0x80)
      Out += "\xEF\xBF\xBD";
    else
      Out.append(Text.data() + I, Len);
    I += Len;
  }
  return Out;
}

std::string xmlEscape(llvm::StringRef Text, bool Attribute) {
  std::string Valid = validUtf8(Text);
  llvm::StringRef V(Valid);
  std::string Out;
  Out.reserve(V.size());
  for (size_t I = 0; I < V.size(); ++I) {
    char C = V[I];
    switch (C) {
    case '&':
      Out += "&amp;";
      continue;
    case '<':
      Out += "&lt;";
      continue;
    case '>':
      Out += "&gt;";
      continue;
    case '"':
      Out += "&quot;";
      continue;
    case '\'':
      Out += "&apos;";
      continue;
    case '\t':
      Out += Attribute ? "&#9;" : "\t";
      continue;
    case '\n':
      Out += Attribute ? "&#10;" : "\n";
      continue;
    case '\r':
      Out += "&#13;"; // a raw CR would be read back as LF
      continue;
    default:
      break;
    }
    if (static_cast<unsigned char>(C) < 0x20)
      continue; // not allowed in XML 1.0, not even as a reference
    // U+FFFE and U+FFFF are not XML characters either.
    if (V.substr(I).startswith("\xEF\xBF\xBE") ||
        V.substr(I).startswith("\xEF\xBF\xBF")) {
      I += 2;
      continue;
    }
    Out.push_back(C);
  }
  return Out;
}

namespace {

std::string workflowEscape(llvm::StringRef Text, bool Property) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out.push_back(C);
    }
  }
  return Out;
}

} // namespace

std::string workflowData(llvm::StringRef Text) {
  return workflowEscape(Text, false);
}

std::string workflowProperty(llvm::StringRef Text) {
  return workflowEscape(Text, true);
}

std::string markdownCell(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  bool Space = false;
  for (char C : validUtf8(Text)) {
    if (C == '\n' || C == '\r' || C == '\t') {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out.push_back(' ');
    Space = false;
    switch (C) {
    case '|':
      Out += "\\|";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '`':
      Out += "\\`";
      break;
    case '*':
      Out += "\\*";
      break;
    case '_':
      Out += "\\_";
      break;
    case '[':
      Out += "\\[";
      break;
    case ']':
      Out += "\\]";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '&':
      Out += "&amp;";
      break;
    default:
      if (static_cast<unsigned char>(C) >= 0x20)
        Out.push_back(C);
    }
  }
  return Out;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Out;
  if (Path.startswith("/"))
    Out = "file://";
  for (char C : Path) {
    auto U = static_cast<unsigned char>(C);
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out.push_back(C);
    } else {
      Out.push_back('%');
      Out.push_back(llvm::hexdigit(U >> 4));
      Out.push_back(llvm::hexdigit(U & 15));
    }
  }
  return Out;
}

} // namespace claimlint
