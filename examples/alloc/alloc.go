// The allocation workload of examples/alloc, in Go: 10 rounds that each build 100,000 small records and drop
// them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built).
package main

import (
	"fmt"
	"strconv"
)

const rounds = 10
const perRound = 100000

type record struct {
	id    int64
	value float64
	tag   string
}

func main() {
	var kept []*record
	for r := 0; r < rounds; r++ {
		var batch []*record
		for i := int64(r * perRound); i < int64((r+1)*perRound); i++ {
			batch = append(batch, &record{i, float64(i) * 0.5, "r" + strconv.FormatInt(i, 10)})
		}
		for i := 0; i < len(batch); i += 10 {
			kept = append(kept, batch[i])
		}
	}
	var sum int64
	for _, e := range kept {
		sum += e.id
	}
	fmt.Println(len(kept), sum)
}
