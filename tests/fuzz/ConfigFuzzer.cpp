//===- fuzz/ConfigFuzzer.cpp - .claimlint.json and lexicon additions ------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The input is written to .claimlint.json in a private temporary folder that
// also holds base.json, and loaded as a config. A failure must be a located
// error inside the file. A config that loads has its globs matched against a
// few paths (a glob must never hang) and its "lexicon" added to the built-in
// lexicon; a lexicon that compiles then judges a sample text, checked like
// any lint.
//
// "extends" may name a file of the temporary folder only: inputs that point
// elsewhere are skipped, so the fuzzer never reads /dev/zero or a FIFO.
//
//===----------------------------------------------------------------------===//

#include "Context/Lexicon.h"
#include "Engine/Config.h"
#include "Rules/Builtin.h"
#include "Support/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>

#include "FuzzCommon.h"

using namespace claimlint;

namespace {

const char Sample[] =
    "# Knee care\n\nOur injections cure arthritis. They may reduce pain in "
    "some patients [1]. No treatment is guaranteed to work.\n\n- Walk "
    "pain-free again\n";

struct Folder {
  std::string Dir, Config;
  Folder() {
    llvm::SmallString<128> D;
    if (llvm::sys::fs::createUniqueDirectory("claimlint-fuzz-config", D))
      fuzz::fail("cannot create a temporary folder");
    Dir = std::string(D.str());
    Config = Dir + "/.claimlint.json";
    std::ofstream(Dir + "/base.json")
        << R"({"disable": ["health/testimonial*"], "ignore": ["vendor/"],)"
        << R"( "lexicon": {"hedge": {"phrases": ["in our experience"]}}})";
  }
  ~Folder() { llvm::sys::fs::remove_directories(Dir); }
};

void checkErrors(llvm::Error E) {
  llvm::handleAllErrors(
      std::move(E),
      [](const LocatedError &L) {
        FUZZ_CHECK(L.offset() <= L.text().size(), "error outside the file");
      },
      [](const llvm::ErrorInfoBase &B) {
        FUZZ_CHECK(!B.message().empty(), "error without a message");
      });
}

/// Only names inside the folder ("base.json", the config itself).
bool extendsStaysInside(llvm::StringRef Text) {
  auto J = nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (!J.is_object())
    return true;
  auto It = J.find("extends");
  if (It == J.end() || !It->is_string())
    return true;
  std::string E = It->get<std::string>();
  return E.find('/') == std::string::npos &&
         E.find('\\') == std::string::npos &&
         !llvm::StringRef(E).startswith(".") && !E.empty();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static Folder F;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (!extendsStaysInside(Text))
    return 0;
  {
    std::ofstream Out(F.Config, std::ios::binary | std::ios::trunc);
    Out.write(Text.data(), static_cast<std::streamsize>(Text.size()));
  }
  auto C = loadConfigFile(F.Config);
  if (!C) {
    checkErrors(C.takeError());
    return 0;
  }
  const ConfigFile &Cf = **C;
  static const char *const Paths[] = {
      "page.md", "docs/a/b/treatments.html", "vendor/x.md",
      ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
       "aaaaaaaaaa/bbbbbbbbbbbbbbbb.txt")};
  for (const char *P : Paths) {
    for (const std::string &G : Cf.Ignore)
      (void)matchGlob(G, P);
    for (const auto &FT : Cf.FileTypes)
      (void)matchGlob(FT.first, P);
    for (const auto &S : Cf.Severity)
      (void)matchGlob(S.first, P);
  }
  if (Cf.Lexicon.is_null())
    return 0;
  auto Lex = Lexicon::parse("<builtin>/rules/lexicon.json",
                            builtinRuleFile("lexicon.json"));
  FUZZ_CHECK(static_cast<bool>(Lex), "the built-in lexicon does not load");
  if (llvm::Error E = Lex->extend(Cf.Lexicon, Cf.Path, Cf.Text)) {
    checkErrors(std::move(E));
    return 0;
  }
  auto A = Analyzer::create(*Lex);
  if (!A) {
    checkErrors(A.takeError());
    return 0;
  }
  Workspace &W = fuzz::builtinWorkspace();
  LintOptions O;
  O.ShowQualified = true;
  O.Today = "2024-01-01";
  Linter L(W.rules(), **A, O);
  std::string S = Sample;
  FileReport R =
      L.lint("page.md", S, defaultSettings(W.rules(), FileType::Markdown));
  fuzz::checkReport(R, S);
  return 0;
}
