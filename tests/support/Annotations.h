//===- support/Annotations.h - [[range]] marks in test text ------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Test text with expected spans marked as [[...]] (LLVM Annotations style;
/// libLLVMTestingSupport is not packaged on Debian, so this is our own).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_ANNOTATIONS_H
#define CLAIMLINT_TESTS_ANNOTATIONS_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace claimlint {

class Annotations {
public:
  /// Strips the marks from \p Marked and remembers the ranges they enclosed,
  /// as byte offsets into the stripped text. Marks do not nest.
  explicit Annotations(const std::string &Marked) {
    size_t Open = std::string::npos;
    for (size_t I = 0; I < Marked.size(); ++I) {
      if (Marked.compare(I, 2, "[[") == 0 && Open == std::string::npos) {
        Open = Code.size();
        ++I;
        continue;
      }
      if (Marked.compare(I, 2, "]]") == 0 && Open != std::string::npos) {
        Ranges.emplace_back(static_cast<uint32_t>(Open),
                            static_cast<uint32_t>(Code.size()));
        Open = std::string::npos;
        ++I;
        continue;
      }
      Code.push_back(Marked[I]);
    }
    Balanced = Open == std::string::npos;
  }

  const std::string &code() const { return Code; }
  const std::vector<std::pair<uint32_t, uint32_t>> &ranges() const {
    return Ranges;
  }
  bool balanced() const { return Balanced; }

private:
  std::string Code;
  std::vector<std::pair<uint32_t, uint32_t>> Ranges;
  bool Balanced = true;
};

} // namespace claimlint

#endif // CLAIMLINT_TESTS_ANNOTATIONS_H
