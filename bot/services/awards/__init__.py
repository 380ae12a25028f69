"""The bloc's award catalog (danh hiệu, hình thức khen thưởng) and its voting rules."""
