package lang

import "golang.org/x/text/language"

var dutch = Catalog{Tag: language.Dutch}
