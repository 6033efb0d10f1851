//===- Rules/RuleLoader.h - Rule packs from JSON -----------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Loads rule packs: the built-in ones and folders given by --rules-dir or a
/// config. Every broken file is reported, each as a located error, before
/// loading fails.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_RULES_RULELOADER_H
#define CLAIMLINT_RULES_RULELOADER_H

#include "Rules/Rule.h"

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace claimlint {

/// A file to load: a display path and its text.
struct SourceText {
  std::string Path;
  std::string Text;
};

/// A pack: its pack.json (optional) and its rule files.
struct PackSource {
  std::string Name;
  llvm::Optional<SourceText> PackJson;
  std::vector<SourceText> RuleFiles;
};

struct LoadedRules {
  std::vector<Rule> Rules;        ///< sorted by id
  std::set<std::string> Profiles; ///< profile names the packs define
};

class RuleLoader {
public:
  /// Adds the packs compiled into the binary.
  void addBuiltin();
  /// Adds the packs under \p Dir: \p Dir itself if it has pack.json or rule
  /// files, else each subfolder. I/O errors are collected.
  void addDirectory(llvm::StringRef Dir);
  void addPack(PackSource Pack) { Packs.push_back(std::move(Pack)); }

  /// Parses and validates everything added. Fails with every error found,
  /// joined. A later pack with the same name as an earlier one adds rules to
  /// it; a rule id defined twice is an error.
  llvm::Expected<LoadedRules> load();

private:
  std::vector<PackSource> Packs;
  std::vector<std::string> IoErrors;
};

/// Parses one rule file with the vocabulary of its pack. A built-in rule's
/// trigger phrases (path "<builtin>/...") are not translated to RE2 here:
/// the phrase matcher seldom needs them, and the tests translate every one
/// (triggerPhrasesRegex()).
llvm::Expected<Rule> parseRule(const SourceText &File, llvm::StringRef Pack,
                               const llvm::StringMap<std::string> &Vocab);

/// The RE2 translation of the phrases of trigger group \p Group of \p R,
/// joined into one leftmost-longest alternation (joinLongestAlternatives()).
llvm::Expected<std::string> triggerPhrasesRegex(const Rule &R, size_t Group);

} // namespace claimlint

#endif // CLAIMLINT_RULES_RULELOADER_H
